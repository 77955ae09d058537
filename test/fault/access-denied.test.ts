/**
 * AccessDenied, in the wire shape of each service's protocol, on every operation the collectors declare: one full
 * scan per operation (in this process, through `scanCommand`), each compared with one fault-free baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer } from '../../bench/fake-aws-server.js';
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

async function deny(operation: string) {
  server.requests.length = 0;
  server.setFaults([{ operation, fault: { kind: 'access-denied' } }]);
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

  it.each(SCANNED_OPERATIONS)('%s', async (operation) => {
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

  const together: [string, string, (op: string) => boolean][] = [
    ['every SageMaker Describe', 'sagemaker:Describe*', (op) => op.startsWith('sagemaker:Describe')],
    ['every IAM read', 'iam:*', (op) => op.startsWith('iam:')],
  ];
  it.each(together)('%s denied at once', async (_what, pattern, matches) => {
    const operations = SCANNED_OPERATIONS.filter(matches);
    const report = expectGap(baseline, await deny(pattern), { operations, kind: 'access-denied' });
    // Each of them was refused (a call made only after another succeeded is not).
    expect(new Set(report.errors.map((e) => e.operation)).size).toBeGreaterThan(1);
  });

  const unread = COLLECTOR_OPERATIONS.filter((op) => !SCANNED_OPERATIONS.includes(op));
  it.each(unread)('%s (its slice is read by no rule): never called, so denying it changes nothing', async (operation) => {
    const result = await deny(operation);
    expectNoCrash(result);
    expect(server.requests.filter((r) => `${r.service}:${r.operation}` === operation)).toEqual([]);
    expect(reportOf(result).findings).toEqual(baseline.findings);
  });
});
