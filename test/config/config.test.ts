import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { parseConfig } from '../../src/config/config.js';
import { UsageError } from '../../src/util/errors.js';

const parse = (text: string) => parseConfig(text, 'mlaudit.config.yaml', RULES);

describe('config file', () => {
  it('reads defaults, rule options and suppressions', () => {
    const config = parse(`
regions: [us-east-1, eu-west-1]
excludeRules: [notebook-in-vpc]
minSeverity: medium
failOn: critical
formats: [json]
suppressions:
  - rule: notebook-root-disabled
    resource: arn:aws:sagemaker:*:*:notebook-instance/ds-*
    account: "111122223333"
    region: us-east-1
    reason: Sandbox account, isolated from production data
    expires: 2027-01-31
`);
    expect(config).toMatchObject({
      regions: ['us-east-1', 'eu-west-1'],
      excludeRules: ['notebook-in-vpc'],
      minSeverity: 'medium',
      failOn: 'critical',
      formats: ['json'],
      suppressions: [
        {
          rule: 'notebook-root-disabled',
          resource: 'arn:aws:sagemaker:*:*:notebook-instance/ds-*',
          account: '111122223333',
          region: 'us-east-1',
          reason: 'Sandbox account, isolated from production data',
          expires: '2027-01-31',
        },
      ],
    });
  });

  it('reads a baseline report file name', () => {
    expect(parse('baseline: reports/previous.json\n').baseline).toBe('reports/previous.json');
    expect(parse('').baseline).toBeUndefined();
  });

  it('accepts an empty file', () => {
    expect(parse('')).toMatchObject({ suppressions: [], ruleOptions: {} });
  });

  const optionRule = RULES.find((r) => r.options && Object.keys(r.options).length > 0);

  it.skipIf(!optionRule)('accepts a known rule option of the right type', () => {
    const [name, value] = Object.entries(optionRule?.options ?? {})[0] ?? [];
    const config = parse(`ruleOptions:\n  ${optionRule?.id}:\n    ${name}: ${JSON.stringify(value)}\n`);
    expect(config.ruleOptions[optionRule?.id ?? '']).toEqual({ [name ?? '']: value });
  });

  it.each([
    ['not YAML', 'regions: [us-east-1', /is not valid YAML/],
    ['not a mapping', '- a\n- b', /must be a YAML mapping/],
    ['unknown top-level key', 'region: us-east-1', /unknown key 'region'/],
    ['a misspelt baseline key', 'baseLine: previous.json', /unknown key 'baseLine' \(allowed: .*baseline/],
    ['baseline not a file name', 'baseline: [a.json, b.json]', /baseline must be the file name of a JSON report/],
    ['an empty baseline', 'baseline: ""', /baseline must be the file name/],
    ['regions not a list', 'regions: us-east-1', /regions must be a list of strings/],
    ['unknown rule in rules', 'rules: [no-such-rule]', /rules: unknown rule id 'no-such-rule'/],
    ['bad severity', 'failOn: severe', /failOn must be/],
    ['suppression without reason', 'suppressions:\n  - rule: notebook-in-vpc\n    resource: "*"', /'reason' is required/],
    ['suppression with unknown rule', 'suppressions:\n  - rule: nope\n    resource: "*"\n    reason: x', /unknown rule id 'nope'/],
    ['suppression with bad date', 'suppressions:\n  - rule: notebook-in-vpc\n    resource: "*"\n    reason: x\n    expires: 2026-02-30', /'expires' must be a date/],
    ['suppression with unknown key', 'suppressions:\n  - rule: notebook-in-vpc\n    resource: "*"\n    reason: x\n    until: 2026-01-01', /unknown key 'until'/],
    ['options for an unknown rule', 'ruleOptions:\n  nope: {a: 1}', /ruleOptions: unknown rule id 'nope'/],
    ['unknown option', 'ruleOptions:\n  notebook-in-vpc: {maxDays: 3}', /unknown option 'maxDays'/],
  ])('rejects %s with one line naming the problem', (_name, text, message) => {
    let caught: unknown;
    try {
      parse(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });
});

describe('the README example config', () => {
  it('is a valid config file with the documented effect', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration and suppressions'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml, 'README has no yaml example under Configuration and suppressions').toBeDefined();
    const config = parse(yaml ?? '');
    expect(config.ruleOptions['notebook-idle']).toEqual({ maxIdleDays: 14 });
    expect(config.suppressions).toEqual([
      expect.objectContaining({ rule: 'endpoint-multi-instance', expires: '2027-03-31', account: '111122223333' }),
    ]);
    expect(config.baseline).toBe('mlaudit-previous.json');
  });
});
