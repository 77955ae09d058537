import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer } from '../../bench/fake-aws-server.js';
import type { ScanReport } from '../../src/report/report.js';
import { COLLECTOR_OPERATIONS, SCANNED_OPERATIONS, expectGap, reportOf, scanInProcess, slicesCalling, splitOperation, startServer } from './harness.js';

let server: FakeAwsServer;
let baseline: ScanReport;

beforeAll(async () => {
  server = await startServer();
  const result = await scanInProcess(server);
  baseline = reportOf(result);
});
afterAll(async () => {
  await server.close();
});

describe('AccessDenied on each operation the collectors use', () => {
  it('the fault-free baseline calls every one of them and reads everything', () => {
    const called = new Set(server.requests.map((r) => `${r.service}:${r.operation}`));
    expect(SCANNED_OPERATIONS.filter((op) => !called.has(op))).toEqual([]);
    expect(baseline.errors).toEqual([]);
  });

  it.each(SCANNED_OPERATIONS)('%s', async (operation) => {
    const { service, operation: name } = splitOperation(operation);
    server.setFaults([{ operation, fault: { kind: 'access-denied' } }]);
    const before = server.requests.length;
    const result = await scanInProcess(server);
    server.setFaults([]);
    expect(server.requests.slice(before).some((r) => r.fault === 'access-denied')).toBe(true);
    const report = expectGap(baseline, result, {
      operations: [operation],
      kind: 'access-denied',
      code: service === 'iam' || service === 'cloudwatch' ? 'AccessDenied' : 'AccessDeniedException',
    });
    const slices = new Set(slicesCalling(operation));
    for (const e of report.errors) expect(slices).toContain(e.slice);
    expect(name).toBeTruthy();
  });
});
