import { spawnSync } from 'node:child_process';

/**
 * The CLI and end-to-end tests run bin/mlaudit, which loads dist/: build it once per test run. tsc emits even when
 * it finds type errors; those fail `npm run typecheck`, which `npm test` runs first, so here they only warn.
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`warning: tsc reported errors while building dist/ (run npm run typecheck):\n${result.stdout}`);
  }
}
