import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import {
  actionsNotAllowed,
  MANAGED_POLICIES,
  MANAGED_POLICY_SERVICES,
  type ManagedPolicySnapshot,
} from '../../src/aws/managed-policies.js';
import { iamActions } from '../../src/cli/rules-command.js';
import { MOTO_PYTHON, motoSuiteEnabled } from '../support/moto.js';

const policy = (allows: string[]): ManagedPolicySnapshot => ({ name: 'P', arn: 'arn', version: 'v1', updated: '', allows });

describe('actionsNotAllowed', () => {
  it.each([
    ['a prefix wildcard', ['sagemaker:Describe*'], 'sagemaker:DescribeEndpoint', true],
    ['another service under the same prefix', ['sagemaker:Describe*'], 'kms:DescribeKey', false],
    ['an exact action', ['kms:ListKeys'], 'kms:ListKeys', true],
    ['an exact action is not a prefix', ['kms:List'], 'kms:ListKeys', false],
    ['case-insensitive, as IAM matches', ['IAM:get*'], 'iam:GetRole', true],
    ['a single-character wildcard', ['kms:Get?eyPolicy'], 'kms:GetKeyPolicy', true],
    ['a dot is literal', ['kms:Get.*'], 'kms:GetKeyPolicy', false],
  ])('%s', (_name, allows, action, allowed) => {
    expect(actionsNotAllowed(policy(allows), [action])).toEqual(allowed ? [] : [action]);
  });

  it('never counts sts:GetCallerIdentity as missing: it needs no permission', () => {
    expect(actionsNotAllowed(policy([]), ['sts:GetCallerIdentity', 'sts:AssumeRole'])).toEqual(['sts:AssumeRole']);
  });

  it('does not count an action as missing when the policy allows the fallback that reads the same data', () => {
    const both = ['tag:GetResources', 'sagemaker:ListTags'];
    expect(actionsNotAllowed(policy(['sagemaker:List*']), both)).toEqual([]);
    // The fallback denied too: both are missing.
    expect(actionsNotAllowed(policy(['kms:*']), both)).toEqual(both);
    // The fallback is not among the actions asked about: nothing reads the data another way.
    expect(actionsNotAllowed(policy(['sagemaker:List*']), ['tag:GetResources'])).toEqual(['tag:GetResources']);
    // ViewOnlyAccess lacks tag:GetResources but allows sagemaker:List*, so the tags rule loses nothing under it.
    const viewOnly = MANAGED_POLICIES.find((p) => p.name === 'ViewOnlyAccess');
    if (!viewOnly) throw new Error('ViewOnlyAccess snapshot expected');
    expect(actionsNotAllowed(viewOnly, both)).toEqual([]);
  });

  it('finds the reads SecurityAudit lacks among those the rules need, and ViewOnlyAccess lacks more', () => {
    const needed = [...new Set(RULES.flatMap(iamActions))];
    const [audit, viewOnly] = ['SecurityAudit', 'ViewOnlyAccess'].map((n) => MANAGED_POLICIES.find((p) => p.name === n));
    if (!audit || !viewOnly) throw new Error('both snapshots are expected');
    const auditMissing = actionsNotAllowed(audit, needed);
    expect(auditMissing).toContain('budgets:ViewBudget');
    expect(auditMissing).not.toContain('sagemaker:DescribeEndpoint');
    const viewMissing = actionsNotAllowed(viewOnly, needed);
    expect(viewMissing).toEqual(expect.arrayContaining(['kms:DescribeKey', 'iam:GetRole']));
    expect(viewMissing.length).toBeGreaterThan(auditMissing.length);
  });
});

/**
 * moto ships a copy of the AWS managed policies (it serves them under MOTO_IAM_LOAD_MANAGED_POLICIES); when its copy
 * is a newer revision, this fails so that the snapshot and docs/rules.md are brought up to date.
 */
describe.skipIf(!motoSuiteEnabled())('the managed-policy snapshots', () => {
  const script = `
import json, sys
from moto.iam.aws_managed_policies import aws_managed_policies_data
data = json.loads(aws_managed_policies_data)
services = set(sys.argv[2].split(','))
out = {}
for name in sys.argv[1].split(','):
    p = data[name]
    allows = set()
    for s in p['Document']['Statement']:
        if s.get('Effect') != 'Allow' or 'Action' not in s:
            continue
        actions = s['Action'] if isinstance(s['Action'], list) else [s['Action']]
        allows.update(a for a in actions if a.split(':')[0] in services)
    out[name] = {'version': p['DefaultVersionId'], 'updated': p['UpdateDate'][:10], 'path': p['Path'], 'allows': sorted(allows)}
print(json.dumps(out))
`;
  const names = MANAGED_POLICIES.map((p) => p.name);
  const run = spawnSync(MOTO_PYTHON, ['-c', script, names.join(','), MANAGED_POLICY_SERVICES.join(',')], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const copy = run.status === 0 ? (JSON.parse(run.stdout) as Record<string, { version: string; updated: string; path: string; allows: string[] }>) : {};

  it('could read moto\'s copy of the AWS managed policies', () => {
    expect(run.status, run.stderr).toBe(0);
  });

  it.each(MANAGED_POLICIES.map((p) => [p.name, p] as const))('%s matches moto\'s copy of the policy', (name, snapshot) => {
    const theirs = copy[name];
    expect(theirs, `moto has no ${name}`).toBeDefined();
    expect(snapshot.arn).toBe(`arn:aws:iam::aws:policy${theirs?.path ?? ''}${name}`);
    expect([snapshot.version, snapshot.updated]).toEqual([theirs?.version, theirs?.updated]);
    expect([...snapshot.allows].sort()).toEqual(theirs?.allows);
  });
});
