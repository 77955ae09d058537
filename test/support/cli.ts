/** Runs the built CLI (bin/mlaudit loads dist/, which the vitest global setup builds) as a user would. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/mlaudit');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The whole environment of the run; by default PATH and HOME only, so the host's AWS settings stay out. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A non-zero exit is a result to assert on, not an exception. */
export async function runMlaudit(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
      maxBuffer: 256 * 1024 * 1024,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** PATH and HOME with `extra` on top. */
export const baseEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...extra,
});
