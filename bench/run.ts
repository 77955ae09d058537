/**
 * `npm run bench -- --resources N [--latency-ms 20] [--rate SPEC] [--concurrency C] [--eval-resources 100000]`
 *
 * Starts the fake AWS server with N generated resources, runs the real CLI against it twice (a first scan with an
 * empty cache, then a rescan of the unchanged account), builds a larger inventory for the offline evaluation figure,
 * and prints one JSON object. See bench/RESULTS.md for what each figure means.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../rules/index.js';
import { ClientFactory } from '../src/aws/client-factory.js';
import { collectInventory, DEFAULT_CONCURRENCY } from '../src/inventory/collect.js';
import { serialiseInventory } from '../src/inventory/load.js';
import { KIND_SHARES } from './fake-estate.js';
import {
  DEFAULT_LATENCY_MS,
  DEFAULT_RATE_RULES,
  parseRateRules,
  startFakeAwsServer,
  type FakeAwsServer,
  type RequestRecord,
} from './fake-aws-server.js';
import { lowerBound } from './lower-bound.js';

const REGION = 'us-east-1';
const ROOT = new URL('../..', import.meta.url).pathname;
const TIME = '/usr/bin/time';
const CREDENTIALS = { accessKeyId: 'AKIDFAKEBENCHMARK', secretAccessKey: 'fake-benchmark-secret' };

interface CliRun {
  wallSeconds: number;
  /** From spawning the CLI to its first request: Node start-up and module loading. */
  startupSeconds: number;
  peakRssMb: number | null;
  exitCode: number;
  report: ScanReportLike;
  stderr: string;
}

interface ScanReportLike {
  errors: { kind: string; operation: string; code: string }[];
  coverage: { slice: string; resources: number; errors: number }[];
  scan: { notes: string[] };
  findings: { resource?: { arn?: string } }[];
}

async function runCli(server: FakeAwsServer, args: string[], workDir: string, tag: string): Promise<CliRun> {
  const reportPath = join(workDir, `${tag}-report.json`);
  const timePath = join(workDir, `${tag}-time.txt`);
  const cli = [
    join(ROOT, 'bin/mlaudit'),
    'scan',
    '--endpoint-url',
    server.url,
    '--region',
    REGION,
    '--format',
    'json',
    '--fail-on',
    'none',
    '--quiet',
    ...args,
  ];
  const useTime = existsSync(TIME);
  const [command, argv] = useTime ? [TIME, ['-v', '-o', timePath, process.execPath, ...cli]] : [process.execPath, cli];
  const env: NodeJS.ProcessEnv = {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PATH: process.env.PATH,
    HOME: workDir,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const out = openSync(reportPath, 'w');
  const before = server.requests.length;
  const started = performance.now();
  const child = spawn(command, argv, { env, cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const wallSeconds = (performance.now() - started) / 1000;
  closeSync(out);
  const first = server.requests[before];
  let peakRssMb: number | null = null;
  if (useTime && existsSync(timePath)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timePath, 'utf8'));
    if (m?.[1]) peakRssMb = Math.round(Number(m[1]) / 1024);
  }
  let report: ScanReportLike;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as ScanReportLike;
  } catch {
    throw new Error(`the CLI printed no JSON report (exit ${exitCode}):\n${stderr.slice(-4000)}`);
  }
  rmSync(reportPath, { force: true });
  return {
    wallSeconds,
    startupSeconds: first ? (server.startedAt + first.t - started) / 1000 : 0,
    peakRssMb,
    exitCode,
    report,
    stderr,
  };
}

/** When each operation's calls ran, in seconds from the CLI's first request: where the time went. */
function timeline(records: readonly RequestRecord[]): Record<string, string> {
  const t0 = records[0]?.t ?? 0;
  const ops = new Map<string, { first: number; last: number; ok: number; throttled: number }>();
  for (const r of records) {
    const key = `${r.service}:${r.operation}`;
    const o = ops.get(key) ?? { first: r.t, last: r.t, ok: 0, throttled: 0 };
    o.last = r.t;
    if (r.throttled) o.throttled += 1;
    else o.ok += 1;
    ops.set(key, o);
  }
  return Object.fromEntries(
    [...ops]
      .sort(([, a], [, b]) => b.last - a.last)
      .map(([k, o]) => [
        k,
        `${((o.first - t0) / 1000).toFixed(1)}s..${((o.last - t0) / 1000).toFixed(1)}s ok=${o.ok} throttled=${o.throttled}`,
      ]),
  );
}

interface CallFigures {
  total: number;
  byOperation: Record<string, number>;
  throttledResponses: number;
  /** Requests that were the same question as an earlier answered one (same operation and input). */
  repeatedCalls: number;
  repeatedExamples: string[];
  unknownOperations: string[];
}

/** Logical calls are the answered (non-throttled) requests: each ends one SDK call. */
function analyse(records: readonly RequestRecord[]): CallFigures {
  const byOperation: Record<string, number> = {};
  const seen = new Set<string>();
  const repeatedExamples: string[] = [];
  const unknown = new Set<string>();
  let throttled = 0;
  let total = 0;
  let repeated = 0;
  for (const r of records) {
    if (r.throttled) {
      throttled += 1;
      continue;
    }
    total += 1;
    const key = `${r.service}:${r.operation}`;
    byOperation[key] = (byOperation[key] ?? 0) + 1;
    if (r.unknown) unknown.add(key);
    const question = `${key}|${r.region}|${r.subject}`;
    if (seen.has(question)) {
      repeated += 1;
      if (repeatedExamples.length < 5) repeatedExamples.push(question);
    } else seen.add(question);
  }
  const sorted = Object.fromEntries(Object.entries(byOperation).sort(([a], [b]) => a.localeCompare(b)));
  return {
    total,
    byOperation: sorted,
    throttledResponses: throttled,
    repeatedCalls: repeated,
    repeatedExamples,
    unknownOperations: [...unknown].sort(),
  };
}

export async function buildEvalInventory(resources: number, path: string): Promise<void> {
  const server = await startFakeAwsServer({ resources, latencyMs: 0, rateRules: [] });
  // Server and collectors share this process's event loop: generous timeouts, so a busy loop is not a failed call.
  const clients = new ClientFactory({
    endpointUrl: server.url,
    credentials: CREDENTIALS,
    maxSockets: 256,
    connectTimeoutMs: 120_000,
    requestTimeoutMs: 300_000,
  });
  try {
    const inventory = await collectInventory({
      regions: [REGION],
      needs: [...new Set(RULES.flatMap((r) => r.needs))],
      clients,
      maxJobs: 10_000_000,
    });
    const errors = Object.values(inventory.slices).reduce((n, slice) => n + (slice?.errors.length ?? 0), 0);
    if (errors > 0) throw new Error(`the ${resources}-resource inventory has ${errors} collection errors`);
    writeFileSync(path, serialiseInventory(inventory));
  } finally {
    clients.destroy();
    await server.close();
  }
}

async function runEval(path: string): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/eval.js'), path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  if (code !== 0) throw new Error(`eval exited ${code}`);
  return JSON.parse(out) as Record<string, unknown>;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      resources: { type: 'string' },
      'latency-ms': { type: 'string', default: String(DEFAULT_LATENCY_MS) },
      rate: { type: 'string' },
      seed: { type: 'string', default: '42' },
      concurrency: { type: 'string' },
      'eval-resources': { type: 'string', default: '100000' },
      'no-rescan': { type: 'boolean', default: false },
      timeline: { type: 'boolean', default: false },
    },
  });
  const resources = Number(values.resources);
  if (!Number.isInteger(resources) || resources < 1) {
    process.stderr.write('usage: npm run bench -- --resources N [--latency-ms 20] [--rate PATTERN=RATE[:BURST],...] [--concurrency C] [--eval-resources 100000] [--no-rescan]\n');
    process.exit(2);
  }
  const latencyMs = Number(values['latency-ms']);
  // Rules given with --rate take precedence over the defaults (the first rule that matches an operation applies).
  const rateRules = [...(values.rate ? parseRateRules(values.rate) : []), ...DEFAULT_RATE_RULES];
  const workDir = mkdtempSync(join(tmpdir(), 'mlaudit-bench-'));
  const cacheDir = join(workDir, 'cache');
  const cliArgs = [
    '--cache-dir',
    cacheDir,
    // Every generated job is inside the default --since window; no --max-jobs cap, so every resource is described.
    '--max-jobs',
    '1000000',
    ...(values.concurrency ? ['--concurrency', values.concurrency] : []),
  ];
  const log = (s: string): void => {
    process.stderr.write(`bench: ${s}\n`);
  };

  const server = await startFakeAwsServer({ resources, latencyMs, rateRules, seed: Number(values.seed) });
  let result: Record<string, unknown>;
  try {
    log(`first scan of ${resources} resources at ${server.url}`);
    const first = await runCli(server, cliArgs, workDir, 'first');
    const firstRecords = server.requests.splice(0);
    const calls = analyse(firstRecords);
    const concurrency = values.concurrency ? Number(values.concurrency) : DEFAULT_CONCURRENCY;
    const bound = lowerBound({ calls: calls.byOperation, rules: rateRules, latencyMs, concurrency });
    const failedCalls = first.report.errors.length;
    const throttledFailures = first.report.errors.filter((e) => e.kind === 'throttled').length;
    const describesRepeated = firstRecords.length > 0 ? calls.repeatedCalls : 0;
    result = {
      resources,
      resourcesByKind: Object.fromEntries(Object.keys(KIND_SHARES).map((k) => [k, server.estate(REGION).counts[k as keyof typeof KIND_SHARES]])),
      inventoryItems: first.report.coverage.reduce((n, c) => n + c.resources, 0),
      apiCalls: { total: calls.total, byOperation: calls.byOperation },
      throttledResponses: calls.throttledResponses,
      retries: calls.throttledResponses - throttledFailures,
      failedCalls,
      repeatedCalls: describesRepeated,
      ...(calls.repeatedExamples.length ? { repeatedExamples: calls.repeatedExamples } : {}),
      ...(calls.unknownOperations.length ? { unknownOperations: calls.unknownOperations } : {}),
      wallSeconds: round(first.wallSeconds),
      startupSeconds: round(first.startupSeconds),
      lowerBoundSeconds: round(bound.seconds),
      ratio: round(first.wallSeconds / bound.seconds),
      bindingTerm: bound.binding.what,
      peakRssMb: first.peakRssMb,
      exitCode: first.exitCode,
      latencyMs,
      rateRules: rateRules.map((r) => `${r.pattern}=${r.rate === 0 ? 'off' : `${r.rate}:${r.burst}`}`).join(','),
      concurrency,
      ...(values.timeline ? { timeline: timeline(firstRecords), lowerBoundTerms: bound.terms.slice(0, 8) } : {}),
    };
    if (first.report.errors.length) log(`errors: ${JSON.stringify(first.report.errors.slice(0, 5))}`);

    if (!values['no-rescan']) {
      log('rescan of the unchanged account with the cache of the first scan');
      const second = await runCli(server, cliArgs, workDir, 'rescan');
      const rescan = analyse(server.requests.splice(0));
      const lists = Object.entries(rescan.byOperation)
        .filter(([k]) => /:List/.test(k) && !/ListTags|ListAttachedRolePolicies|ListRolePolicies/.test(k))
        .reduce((n, [, v]) => n + v, 0);
      Object.assign(result, {
        rescanApiCalls: rescan.total,
        rescanShare: round(rescan.total / calls.total, 4),
        rescanListCalls: lists,
        rescanByOperation: rescan.byOperation,
        rescanWallSeconds: round(second.wallSeconds),
        rescanFailedCalls: second.report.errors.length,
      });
    }
  } finally {
    await server.close();
  }

  const evalResources = Number(values['eval-resources']);
  if (evalResources > 0) {
    const path = join(workDir, `inventory-${evalResources}.json`);
    log(`building a ${evalResources}-resource inventory for the offline evaluation`);
    await buildEvalInventory(evalResources, path);
    const figures = await runEval(path);
    Object.assign(result, { evalResources, evalSeconds: round(Number(figures.evalSeconds)), evalDetail: figures });
  }
  rmSync(workDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1]?.endsWith("run.js")) await main();
