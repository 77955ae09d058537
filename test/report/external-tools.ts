/**
 * Tools some report tests drive from outside Node: Microsoft's SARIF Multitool (an npm devDependency, Linux only)
 * and Debian's Chromium. Locally a missing tool skips those tests with a hint; under CI it fails them.
 */
import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isCi } from '../support/moto.js';

export interface ToolAvailability {
  available: boolean;
  reason?: string;
}

/**
 * For a test file's top level: true when the suite should run; false (after saying why) to skip it locally; throws,
 * failing the file, when the tool is missing under CI.
 */
export function suiteEnabled(tool: string, found: ToolAvailability, hint: string): boolean {
  if (found.available) return true;
  const why = found.reason ?? `${tool} is not installed`;
  if (isCi()) throw new Error(`${tool} is required when CI is set, but ${why}. ${hint}`);
  process.stderr.write(`skipping ${tool} tests: ${why}. To run them: ${hint}\n`);
  return false;
}

export const MULTITOOL = 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool';
export const MULTITOOL_HINT = 'npm ci (the devDependency @microsoft/sarif-multitool-linux installs on Linux only)';

export function multitoolAvailability(): ToolAvailability {
  if (process.platform !== 'linux') return { available: false, reason: `the Multitool package is for Linux, not ${process.platform}` };
  if (!existsSync(MULTITOOL)) return { available: false, reason: `${MULTITOOL} is missing` };
  try {
    accessSync(MULTITOOL, constants.X_OK);
  } catch {
    // Its postinstall only does chmod u+x; npm may have been told not to run install scripts.
    chmodSync(MULTITOOL, 0o755);
  }
  return { available: true };
}

export interface MultitoolReport {
  errors: string[];
  warnings: string[];
  output: string;
}

const MULTITOOL_CONFIG = 'test/report/multitool-config.xml';

/**
 * `validate --rule-kind "Gh;Sarif"` over some files at once (the tool takes seconds to start): the SARIF schema,
 * Microsoft's SARIF rules and GitHub's ingestion rules. It exits 0 even when it reports errors, so its output is
 * read: one `file(line,col): error ID: text` line per problem, grouped here by file. (The option needs two kinds or
 * more: a single value is rejected as "a bad format".)
 */
export function runMultitool(files: readonly string[]): Map<string, MultitoolReport> {
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--config', MULTITOOL_CONFIG, ...files], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error) throw run.error;
  if (!output.includes('Analysis completed successfully') || !output.includes(`${files.length} files scanned`)) {
    throw new Error(`the SARIF Multitool did not complete (exit ${run.status}):\n${output}`);
  }
  const lines = output.split('\n');
  const stray = lines.filter((l) => / error [A-Za-z]+\d+/.test(l) && !files.some((f) => l.startsWith(`${f}(`)));
  if (stray.length) throw new Error(`the SARIF Multitool reported errors outside the files:\n${stray.join('\n')}`);
  return new Map(
    files.map((file) => {
      const mine = lines.filter((l) => l.startsWith(`${file}(`));
      return [
        file,
        {
          errors: mine.filter((l) => /: error [A-Za-z]+\d+: /.test(l)),
          warnings: mine.filter((l) => /: warning [A-Za-z]+\d+: /.test(l)),
          output: mine.join('\n') || output,
        },
      ];
    }),
  );
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_HINT = 'apt-get update && apt-get install -y chromium (as root; .ci/run does this)';

export function chromiumAvailability(): ToolAvailability {
  if (!existsSync(CHROMIUM)) return { available: false, reason: `${CHROMIUM} is missing` };
  const probe = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) return { available: false, reason: `${CHROMIUM} --version failed: ${probe.stderr || probe.error?.message}` };
  return { available: true };
}
