/**
 * AccessDenied, in the wire shape of each service's protocol, on every operation the collectors declare: one full
 * scan per operation (in this process, through `scanCommand`), each compared with one fault-free baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer } from '../../bench/fake-aws-server.js';
import { TAGGED_KINDS } from '../../bench/fake-estate.js';
import { REGION } from './estate.js';
import { SERVICES } from '../../bench/wire.js';
import { findReadOperation } from '../../src/aws/read-operations.js';
import type { ScanReport } from '../../src/report/report.js';
import {
  COLLECTOR_OPERATIONS,
  SCANNED_OPERATIONS,
  expectGap,
  expectNoCrash,
  reportOf,
  scanInProcess,
  slicesCalling,
  splitOperation,
  startServer,
} from './harness.js';

let server: FakeAwsServer;
let baseline: ScanReport;

beforeAll(async () => {
  server = await startServer();
  baseline = reportOf(await scanInProcess(server));
});
afterAll(async () => {
  await server.close();
});

async function deny(...operations: string[]) {
  server.requests.length = 0;
  server.setFaults(operations.map((operation) => ({ operation, fault: { kind: 'access-denied' } })));
  try {
    return await scanInProcess(server);
  } finally {
    server.setFaults([]);
  }
}

describe('AccessDenied on each operation the collectors use', () => {
  it('the fault-free baseline reads everything, calling every operation of every collector a rule reads', () => {
    expect(baseline.errors).toEqual([]);
    const called = new Set(server.requests.map((r) => `${r.service}:${r.operation}`));
    expect(SCANNED_OPERATIONS.filter((op) => !called.has(op))).toEqual([]);
    for (const op of COLLECTOR_OPERATIONS) {
      const { service, operation } = splitOperation(op);
      expect(findReadOperation(service, operation), `${op} is on the read allowlist`).toBeDefined();
    }
  });

  it('a full scan of every rule sends nothing but operations on the read allowlist', () => {
    // What reached the server, not what the collectors declare: the proof that the scan is read-only.
    const sent = [...new Set(server.requests.map((r) => `${r.service}:${r.operation}`))].sort();
    expect(sent.length).toBeGreaterThan(40);
    const notReads = sent.filter((key) => {
      const { service, operation } = splitOperation(key);
      return findReadOperation(service, operation) === undefined;
    });
    expect(notReads).toEqual([]);
  });

  /**
   * Operations whose data the collector reads another way when they alone are denied: tags come from GetResources in
   * bulk and, when it is denied, from ListTags per resource (resource-tags.ts). Denying one loses nothing.
   */
  const FALLBACKS: Record<string, string> = { 'tag:GetResources': 'sagemaker:ListTags' };

  it.each(SCANNED_OPERATIONS.filter((op) => !(op in FALLBACKS)))('%s', async (operation) => {
    const { service } = splitOperation(operation);
    const result = await deny(operation);
    expect(server.requests.some((r) => r.fault === 'access-denied')).toBe(true);
    const report = expectGap(baseline, result, {
      operations: [operation],
      kind: 'access-denied',
      code: SERVICES.find((s) => s.service === service)?.accessDenied.code,
    });
    const slices = new Set(slicesCalling(operation));
    for (const e of report.errors) expect(slices).toContain(e.slice);
  });

  it.each(Object.entries(FALLBACKS))('%s alone: read with %s instead, no gap', async (operation, fallback) => {
    const result = await deny(operation);
    expectNoCrash(result);
    expect(server.requests.some((r) => `${r.service}:${r.operation}` === operation && r.fault === 'access-denied')).toBe(true);
    expect(server.requests.some((r) => `${r.service}:${r.operation}` === fallback && r.status === 200)).toBe(true);
    const report = reportOf(result);
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual(baseline.findings);
    expect(result.code).toBe(0);
  });

  const together: [string, string[], (op: string) => boolean][] = [
    ['every SageMaker Describe', ['sagemaker:Describe*'], (op) => op.startsWith('sagemaker:Describe')],
    ['every IAM read', ['iam:*'], (op) => op.startsWith('iam:')],
  ];
  it.each(together)('%s denied at once', async (_what, patterns, matches) => {
    const operations = SCANNED_OPERATIONS.filter(matches);
    const report = expectGap(baseline, await deny(...patterns), { operations, kind: 'access-denied' });
    // Each of them was refused (a call made only after another succeeded is not).
    expect(new Set(report.errors.map((e) => e.operation)).size).toBeGreaterThan(1);
  });

  it('GetResources and ListTags denied at once: every tagged resource is a gap, none taken as untagged', async () => {
    const result = await deny(...Object.entries(FALLBACKS).flat());
    const report = expectGap(baseline, result, { operations: ['sagemaker:ListTags'], kind: 'access-denied' });
    const estate = server.estate(REGION);
    const tagged = TAGGED_KINDS.flatMap((kind) => Array.from({ length: estate.counts[kind] }, (_, i) => estate.arn(kind, i)));
    expect(tagged.length).toBeGreaterThan(3);
    expect(new Set(report.errors.map((e) => e.resourceArn))).toEqual(new Set(tagged));
    const verdicts = report.findings.filter((f) => f.ruleId === 'cost-allocation-tags').map((f) => f.status);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set(['ERROR']));
  });

  const unread = COLLECTOR_OPERATIONS.filter((op) => !SCANNED_OPERATIONS.includes(op));
  it.each(unread)('%s (its slice is read by no rule): never called, so denying it changes nothing', async (operation) => {
    const result = await deny(operation);
    expectNoCrash(result);
    expect(server.requests.filter((r) => `${r.service}:${r.operation}` === operation)).toEqual([]);
    expect(reportOf(result).findings).toEqual(baseline.findings);
  });
});
