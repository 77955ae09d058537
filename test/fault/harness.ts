/**
 * Shared by the fault-injection tests: a fake AWS server with the test estate, two ways to run a full scan against
 * it (in this process through `scanCommand`, the function behind `mlaudit scan`, or as a real `bin/mlaudit` child
 * process), and the comparison of a faulted report with the fault-free baseline.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { RULES } from '../../rules/index.js';
import { startFakeAwsServer, type FakeAwsServer, type FaultRule } from '../../bench/fake-aws-server.js';
import { actionFor, type ServiceId } from '../../src/aws/read-operations.js';
import { scanCommand, type ScanFlags } from '../../src/cli/scan-command.js';
import type { Finding } from '../../src/engine/finding.js';
import { COLLECTORS } from '../../src/inventory/collectors/index.js';
import { GLOBAL_REGION, type ErrorKind, type SliceName } from '../../src/inventory/model.js';
import { sliceClosure } from '../../src/inventory/slices.js';
import type { ScanReport } from '../../src/report/report.js';
import { UsageError } from '../../src/util/errors.js';
import { EXTRA_OPERATIONS, NOW, REGION, RESOURCES, SEED } from './estate.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * An empty working directory (no mlaudit.config.yaml) for the in-process scans, and an empty HOME (no AWS profile)
 * for the spawned ones, removed when the test process ends.
 */
const WORK = mkdtempSync(join(tmpdir(), 'mlaudit-fault-'));
const EMPTY_CWD = join(WORK, 'cwd');
const EMPTY_HOME = join(WORK, 'home');
mkdirSync(EMPTY_CWD);
mkdirSync(EMPTY_HOME);
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));
export const ACCOUNT = '123456789012';
export const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDFAULTINJECTION', AWS_SECRET_ACCESS_KEY: 'fault-injection-secret' };
/** The exit codes README documents for `scan` (130 is Ctrl-C, which no test sends). */
export const DOCUMENTED_EXIT_CODES = [0, 1, 2, 3];

/** Every `service:Operation` a collector declares: what a full scan may call, and what a policy must allow. */
export const COLLECTOR_OPERATIONS: readonly string[] = [
  ...new Set(Object.values(COLLECTORS).flatMap((c) => [...c.operations])),
].sort();

/**
 * The operations a full scan calls: those of the collectors of every slice some rule reads (directly or as the
 * source of a derived slice). A collector no rule reads is never run.
 */
export const SCANNED_OPERATIONS: readonly string[] = (() => {
  const read = new Set(sliceClosure(RULES.flatMap((r) => r.needs)));
  return [
    ...new Set((Object.values(COLLECTORS) as { slice: SliceName; operations: readonly string[] }[])
      .filter((c) => read.has(c.slice))
      .flatMap((c) => [...c.operations])),
  ].sort();
})();

export function splitOperation(key: string): { service: ServiceId; operation: string } {
  const colon = key.indexOf(':');
  return { service: key.slice(0, colon) as ServiceId, operation: key.slice(colon + 1) };
}

/** The slices whose collectors make calls of `operation` (`service:Operation`). */
export function slicesCalling(operation: string): SliceName[] {
  return (Object.values(COLLECTORS) as { slice: SliceName; operations: readonly string[] }[])
    .filter((c) => c.operations.includes(operation))
    .map((c) => c.slice);
}

export function startServer(faults: readonly FaultRule[] = []): Promise<FakeAwsServer> {
  // No latency and no rate limits: what a test sees is the faults it injects, nothing else.
  return startFakeAwsServer({
    resources: RESOURCES,
    seed: SEED,
    regions: [REGION],
    latencyMs: 0,
    rateRules: [],
    now: NOW,
    operations: EXTRA_OPERATIONS,
    faults,
  });
}

export interface ScanResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The JSON report, when one was printed. */
  report?: ScanReport;
}

class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  // Decoded once at the end: a report is written in pieces whose edges may fall inside a character.
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }
}

const parseReport = (stdout: string): ScanReport | undefined => {
  try {
    return JSON.parse(stdout) as ScanReport;
  } catch {
    return undefined;
  }
};

/** Options every scan of the suite takes: a JSON report on stdout, no cache, no progress display. */
function baseArgs(server: FakeAwsServer): string[] {
  return ['--endpoint-url', server.url, '--format', 'json', '--no-cache', '--quiet'];
}

/**
 * A scan in this process, through `scanCommand` as `mlaudit scan` runs it, with the usage-error handling of
 * src/cli/main.ts (exit 2, one line). The SDK's credential chain reads `process.env`, so the fake keys are set there.
 */
export async function scanInProcess(server: FakeAwsServer, flags: Partial<ScanFlags> = {}): Promise<ScanResult> {
  Object.assign(process.env, CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  const stdout = new Capture();
  const stderr = new Capture();
  const full: ScanFlags = {
    region: [REGION],
    endpointUrl: server.url,
    concurrency: '8',
    since: '90d',
    maxJobs: '2000',
    rules: [],
    excludeRules: [],
    format: ['json'],
    failOn: 'none',
    failOnError: true,
    quiet: true,
    cache: false,
    accounts: [],
    accountConcurrency: '4',
    ...flags,
  };
  const io = {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env: process.env,
    cwd: EMPTY_CWD,
    now: () => new Date(),
  };
  let code: number;
  try {
    code = await scanCommand(full, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stderr.write(`mlaudit: ${err.message}\n`);
    code = 2;
  }
  const report = parseReport(stdout.text);
  return { code, stdout: stdout.text, stderr: stderr.text, ...(report ? { report } : {}) };
}

/** A real `bin/mlaudit scan` child process (dist/ is built by the test setup), with only the environment given. */
export function runCli(server: FakeAwsServer | undefined, args: readonly string[], env: NodeJS.ProcessEnv = CREDENTIALS): Promise<ScanResult> {
  // The estate's region, unless the test names its own (--region, --all-regions).
  const region = args.some((a) => a === '--region' || a === '--all-regions') ? [] : ['--region', REGION];
  const argv = [join(ROOT, 'bin/mlaudit'), 'scan', ...(server ? baseArgs(server) : []), ...region, ...args];
  const child = spawn(process.execPath, argv, {
    cwd: EMPTY_HOME,
    // Nothing from the developer's environment: no real profile, no instance metadata, no proxy.
    env: { PATH: process.env.PATH, HOME: EMPTY_HOME, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const report = parseReport(stdout);
      resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr, ...(report ? { report } : {}) });
    });
  });
}

/** The run ended the way README promises: a documented exit code and no crash report. */
export function expectNoCrash(result: ScanResult): void {
  expect(result.stderr).not.toMatch(/unexpected error|This is a bug/);
  expect(DOCUMENTED_EXIT_CODES, result.stderr).toContain(result.code);
}

export function reportOf(result: ScanResult): ScanReport {
  expect(result.report, `no JSON report (exit ${result.code}): ${result.stderr.slice(0, 2000)}`).toBeDefined();
  return result.report as ScanReport;
}

export const findingKey = (f: Finding): string => `${f.ruleId}|${f.account}|${f.region}|${f.resource.arn}`;

export function byKey(findings: readonly Finding[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of findings) out.set(findingKey(f), f);
  return out;
}

export interface FindingDiff {
  /** In both reports, exactly alike. */
  same: Finding[];
  /** In the faulted report, and not exactly alike in the baseline (changed, or new). */
  changed: Finding[];
  /** In the baseline, with no finding of the same rule and resource in the faulted report. */
  missing: Finding[];
}

export function diffFindings(baseline: readonly Finding[], run: readonly Finding[]): FindingDiff {
  const before = byKey(baseline);
  const after = byKey(run);
  const same: Finding[] = [];
  const changed: Finding[] = [];
  for (const f of run) {
    const b = before.get(findingKey(f));
    if (b && JSON.stringify(b) === JSON.stringify(f)) same.push(f);
    else changed.push(f);
  }
  const missing = baseline.filter((f) => !after.has(findingKey(f)));
  return { same, changed, missing };
}

export interface ExpectedGap {
  /** `service:Operation` of the calls that failed. */
  operations: readonly string[];
  /** The regions errors[] may name (default: the estate's region, and `global` for IAM and Budgets). */
  regions?: readonly string[];
  kind?: ErrorKind;
  code?: string | RegExp;
  /** Only these resources failed (errors[] names each); a whole slice of a region when absent. */
  resourceArns?: readonly string[];
}

/**
 * The invariants of any faulted scan against its fault-free baseline:
 * - errors[] holds exactly the failed operations, each with its region, IAM action and kind;
 * - a finding that differs from the baseline is an ERROR that names what failed, or keeps its baseline status (a
 *   verdict the gap cannot change, whose counts may); no PASS or FAIL is born of the fault, and a baseline finding
 *   that disappeared is accounted for by a new ERROR of the same rule;
 * - every rule reading a slice with a gap reports at least one ERROR; every rule that reads none of them is
 *   exactly as in the baseline;
 * - the exit code is 3 under --fail-on-error (with --fail-on none).
 */
export function expectGap(baseline: ScanReport, result: ScanResult, gap: ExpectedGap): ScanReport {
  expectNoCrash(result);
  const report = reportOf(result);
  expect(report.errors.length, 'errors[] names what could not be read').toBeGreaterThan(0);
  const names = gap.operations.map(splitOperation);
  for (const e of report.errors) {
    const op = names.find((n) => n.operation === e.operation);
    expect(op, `errors[] names ${e.operation}, which the fault did not touch: ${JSON.stringify(e)}`).toBeDefined();
    if (!op) continue;
    expect(e.action).toBe(actionFor(op.service, op.operation));
    expect(e.account).toBe(ACCOUNT);
    expect(gap.regions ?? [REGION, GLOBAL_REGION], `region of ${JSON.stringify(e)}`).toContain(e.region);
    if (gap.kind) expect(e.kind).toBe(gap.kind);
    if (gap.code instanceof RegExp) expect(e.code).toMatch(gap.code);
    else if (gap.code) expect(e.code).toBe(gap.code);
    if (gap.resourceArns) expect(gap.resourceArns).toContain(e.resourceArn);
  }
  if (gap.resourceArns) {
    const named = new Set(report.errors.map((e) => e.resourceArn));
    for (const arn of gap.resourceArns) expect(named, `errors[] names ${arn}`).toContain(arn);
  }
  expect(result.code, 'exit code with --fail-on none --fail-on-error').toBe(3);

  const diff = diffFindings(baseline.findings, report.findings);
  const mentions = (f: Finding): boolean =>
    names.some((n) => f.message.includes(n.operation)) || report.errors.some((e) => f.message.includes(e.code));
  const before = byKey(baseline.findings);
  for (const f of diff.changed) {
    // A verdict the gap cannot change keeps its status (a PASS proven by what was read, a FAIL proven by the failed
    // call itself); only what it counts may differ. Any other change is an ERROR that names the failed call.
    if (f.status !== 'ERROR' && before.get(findingKey(f))?.status === f.status) continue;
    expect.soft(f.status, `${findingKey(f)} changed to ${f.status}: ${f.message}`).toBe('ERROR');
    expect.soft(mentions(f), `${findingKey(f)}: "${f.message}" names what failed`).toBe(true);
  }
  const newErrorRules = new Set(diff.changed.filter((f) => f.status === 'ERROR').map((f) => f.ruleId));
  for (const f of diff.missing) {
    expect.soft(newErrorRules, `${findingKey(f)} (${f.status}) disappeared without an ERROR of its rule`).toContain(f.ruleId);
  }

  const gapSlices = new Set(report.errors.map((e) => e.slice));
  for (const rule of RULES) {
    const reads = sliceClosure(rule.needs);
    const touched = reads.some((s) => gapSlices.has(s));
    const findings = report.findings.filter((f) => f.ruleId === rule.id);
    if (!touched) {
      const unchanged = baseline.findings.filter((f) => f.ruleId === rule.id);
      expect(findings, `${rule.id} reads none of ${[...gapSlices].join(', ')}`).toEqual(unchanged);
    } else if (rule.needs[0] !== undefined && gapSlices.has(rule.needs[0])) {
      expect(findings.some((f) => f.status === 'ERROR'), `${rule.id} reads ${rule.needs[0]} directly: some ERROR`).toBe(true);
    }
  }
  return report;
}
