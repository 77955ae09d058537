import { execFileSync } from 'node:child_process';

/** The CLI and end-to-end tests run bin/mlaudit, which loads dist/: build it once per test run. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
