import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../src/config/config.js';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import type { Finding } from '../../src/engine/finding.js';
import { applySuppressions } from '../../src/engine/suppress.js';
import type { Status } from '../../src/engine/taxonomy.js';

const finding = (name: string, status: Status = 'FAIL', ruleId = 'notebook-root-disabled', region = 'us-east-1'): Finding => ({
  ruleId,
  title: 't',
  status,
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: [],
  resource: { arn: `arn:aws:sagemaker:${region}:111122223333:notebook-instance/${name}`, type: 'AWS::SageMaker::NotebookInstance', name },
  account: '111122223333',
  region,
  message: 'm',
  remediation: 'r',
});

const sandbox: Suppression = {
  rule: 'notebook-root-disabled',
  resource: 'arn:aws:sagemaker:*:*:notebook-instance/ds-*',
  reason: 'sandbox',
  expires: '2026-12-31',
};

const names = (fs: Finding[]) => fs.filter((f) => f.suppressed).map((f) => f.resource.name);

describe('applySuppressions', () => {
  it('suppresses matching FAILs by rule and ARN glob, keeping status FAIL', () => {
    const { findings } = applySuppressions([finding('ds-sandbox'), finding('prod-nb'), finding('ds-other', 'FAIL', 'notebook-in-vpc')], [sandbox], '2026-11-25');
    expect(names(findings)).toEqual(['ds-sandbox']);
    expect(findings[0]).toMatchObject({ status: 'FAIL', suppressed: { source: 'config', reason: 'sandbox', expires: '2026-12-31' } });
  });

  it('applies through the expiry day and stops after it, reporting the expired entry', () => {
    expect(names(applySuppressions([finding('ds-a')], [sandbox], '2026-12-31').findings)).toEqual(['ds-a']);
    const after = applySuppressions([finding('ds-a')], [sandbox], '2027-01-01');
    expect(names(after.findings)).toEqual([]);
    expect(after.expired).toEqual([sandbox]);
  });

  it('honours account and region restrictions', () => {
    const scoped = { ...sandbox, region: 'eu-west-1', account: '111122223333' };
    const { findings } = applySuppressions([finding('ds-a'), finding('ds-b', 'FAIL', 'notebook-root-disabled', 'eu-west-1')], [scoped], '2026-11-25');
    expect(names(findings)).toEqual(['ds-b']);
    expect(names(applySuppressions([finding('ds-a')], [{ ...sandbox, account: '999999999999' }], '2026-11-25').findings)).toEqual([]);
  });

  it('never suppresses PASS or ERROR', () => {
    const { findings } = applySuppressions([finding('ds-a', 'ERROR'), finding('ds-b', 'PASS')], [sandbox], '2026-11-25');
    expect(names(findings)).toEqual([]);
  });

  it('honours the owner tag mlaudit:suppress with an optional reason tag', () => {
    const tags = new Map([
      ['arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/tagged', { 'mlaudit:suppress': 'notebook-in-vpc, notebook-root-disabled', 'mlaudit:suppress-reason': 'lab box' }],
    ]);
    const { findings } = applySuppressions([finding('tagged'), finding('untagged')], [], '2026-11-25', tags);
    expect(names(findings)).toEqual(['tagged']);
    expect(findings[0]?.suppressed).toEqual({ source: 'tag', reason: 'lab box' });
  });

  it('suppressed FAILs do not count toward --fail-on', () => {
    const { findings } = applySuppressions([finding('ds-a')], [sandbox], '2026-11-25');
    expect(exitCodeFor(findings, 0, { failOn: 'high', failOnError: false })).toBe(0);
    expect(exitCodeFor([finding('ds-a')], 0, { failOn: 'high', failOnError: false })).toBe(1);
  });
});
