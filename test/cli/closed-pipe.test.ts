import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/mlaudit');

/** Runs the CLI and closes its stdout after the first piece, as `mlaudit … | head -1` does. */
function runAndCloseEarly(args: readonly string[]): Promise<{ code: number | null; stderr: string; received: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stderr = '';
    let received = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.once('data', (d: Buffer) => {
      received = d.length;
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, received }));
  });
}

describe('a reader that closes the pipe early', () => {
  for (const format of ['json', 'text', 'sarif']) {
    it(`--format ${format}: no crash, nothing on stderr, and the exit code of the findings`, async () => {
      const result = await runAndCloseEarly(['scan', '--inventory', 'fixtures/demo-account.json', '--format', format]);
      expect(result.received).toBeGreaterThan(0);
      expect(result.stderr).toBe('');
      // The demo account has high FAILs: exit 1 under the default --fail-on high.
      expect(result.code).toBe(1);
    });
  }
});
