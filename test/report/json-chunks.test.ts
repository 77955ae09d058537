import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import type { ScanReport } from '../../src/report/report.js';

const finding = (i: number) => ({
  ruleId: 'training-volume-kms',
  status: i % 3 === 0 ? 'FAIL' : 'PASS',
  dimensions: ['privacy-security'],
  pillars: [],
  resource: { arn: `arn:aws:sagemaker:us-east-1:111122223333:training-job/train-${i}`, type: 'AWS::SageMaker::TrainingJob', name: `train-${i}` },
  message: `Line one\nline "two" \u2014 ${'x'.repeat(i % 7)}`,
  evidence: i % 2 ? { VolumeKmsKeyId: null, nested: ['a', 'b'], empty: {} } : undefined,
  remediation: 'Set VolumeKmsKeyId.',
});

describe('renderJsonChunks', () => {
  it('writes exactly the bytes of renderJson, in pieces of about a megabyte', () => {
    const report = {
      schemaVersion: '1.0',
      tool: { name: 'mlaudit', version: '0.1.0' },
      skipped: undefined,
      scan: { accounts: ['111122223333'], notes: [], regions: ['us-east-1'] },
      summary: { byStatus: { PASS: 2, FAIL: 1 } },
      errors: [],
      findings: Array.from({ length: 6000 }, (_, i) => finding(i)),
      empty: {},
      last: null,
    } as unknown as ScanReport;
    const chunks = [...renderJsonChunks(report)];
    expect(chunks.join('')).toBe(renderJson(report));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan(2 ** 20 + 4096);
  });

  it('matches renderJson for small and degenerate reports', () => {
    for (const report of [
      {},
      { findings: [] },
      { findings: [{}], errors: [[]], a: [1, [2, { b: [] }]] },
      { only: 'one' },
    ]) {
      expect([...renderJsonChunks(report as unknown as ScanReport)].join('')).toBe(renderJson(report as unknown as ScanReport));
    }
  });
});
