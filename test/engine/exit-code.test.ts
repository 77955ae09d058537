import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import type { Finding } from '../../src/engine/finding.js';
import type { Severity, Status } from '../../src/engine/taxonomy.js';

const finding = (status: Status, severity: Severity): Finding => ({
  ruleId: 'r',
  title: 't',
  status,
  severity,
  kind: 'security',
  phase: 'deployment',
  dimensions: ['safety'],
  pillars: [],
  resource: { arn: 'arn:x', type: 'T', name: 'n' },
  account: '1',
  region: 'us-east-1',
  message: 'm',
  remediation: 'fix',
});

describe('exitCodeFor', () => {
  const cases: [string, Finding[], number, { failOn: Severity | 'none'; failOnError: boolean }, number][] = [
    ['no findings', [], 0, { failOn: 'high', failOnError: false }, 0],
    ['high FAIL at threshold high', [finding('FAIL', 'high')], 0, { failOn: 'high', failOnError: false }, 1],
    ['critical FAIL above threshold', [finding('FAIL', 'critical')], 0, { failOn: 'high', failOnError: false }, 1],
    ['medium FAIL below threshold', [finding('FAIL', 'medium')], 0, { failOn: 'high', failOnError: false }, 0],
    ['fail-on none', [finding('FAIL', 'critical')], 0, { failOn: 'none', failOnError: false }, 0],
    ['high PASS', [finding('PASS', 'high')], 0, { failOn: 'low', failOnError: false }, 0],
    ['ERROR without --fail-on-error', [finding('ERROR', 'high')], 1, { failOn: 'high', failOnError: false }, 0],
    ['ERROR with --fail-on-error', [finding('ERROR', 'high')], 0, { failOn: 'high', failOnError: true }, 3],
    ['collection error with --fail-on-error', [], 2, { failOn: 'high', failOnError: true }, 3],
    ['FAIL wins over incomplete', [finding('FAIL', 'high'), finding('ERROR', 'low')], 1, { failOn: 'high', failOnError: true }, 1],
  ];
  it.each(cases)('%s', (_name, findings, errors, policy, expected) => {
    expect(exitCodeFor(findings, errors, policy)).toBe(expected);
  });
});
