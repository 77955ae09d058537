import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import type { CollectionError, Inventory, NotebookInstance } from '../../src/inventory/model.js';

const nb = (name: string, region: string, rootAccess: boolean): NotebookInstance => ({
  arn: `arn:aws:sagemaker:${region}:111122223333:notebook-instance/${name}`,
  name,
  region,
  resourceType: 'AWS::SageMaker::NotebookInstance',
  tags: {},
  status: 'InService',
  directInternetAccess: false,
  rootAccess,
  securityGroups: [],
});

const rootRule: Rule = defineRule({
  id: 'test-root',
  title: 'Root disabled',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  rationale: 'r',
  remediation: { summary: 's' },
  references: ['https://docs.aws.amazon.com/'],
  needs: ['notebookInstances'],
  messages: { root: 'Notebook {name} allows root.' },
  evaluate: ({ notebookInstances }, { pass, fail }) =>
    notebookInstances.map((n) => (n.rootAccess ? fail(n, 'root') : pass(n))),
});

const denied = (region: string, resourceArn?: string): CollectionError => ({
  slice: 'notebookInstances',
  region,
  operation: resourceArn ? 'DescribeNotebookInstance' : 'ListNotebookInstances',
  action: resourceArn ? 'sagemaker:DescribeNotebookInstance' : 'sagemaker:ListNotebookInstances',
  kind: 'access-denied',
  code: 'AccessDeniedException',
  message: 'no',
  ...(resourceArn ? { resourceArn } : {}),
});

const inventory = (items: NotebookInstance[], errors: CollectionError[] = []): Inventory => ({
  schemaVersion: 1,
  account: { id: '111122223333' },
  regions: ['us-east-1', 'eu-west-1'],
  collectedAt: '2026-11-01T00:00:00.000Z',
  slices: { notebookInstances: { items, errors } },
});

const verdicts = (inv: Inventory, rules: Rule[] = [rootRule]) =>
  Object.fromEntries(evaluateRules(rules, inv).map((f) => [f.resource.name, f.status]));

describe('evaluateRules', () => {
  it('maps rule results to findings with the rule metadata and a rendered message', () => {
    const [f] = evaluateRules([rootRule], inventory([nb('nb-fail', 'us-east-1', true)]));
    expect(f).toMatchObject({
      ruleId: 'test-root',
      status: 'FAIL',
      severity: 'high',
      phase: 'data-processing',
      account: '111122223333',
      region: 'us-east-1',
      message: 'Notebook nb-fail allows root.',
      messageId: 'root',
      resource: { type: 'AWS::SageMaker::NotebookInstance', name: 'nb-fail' },
    });
  });

  it('reports ERROR when a needed slice was not collected at all', () => {
    const inv: Inventory = { ...inventory([]), slices: {} };
    const findings = evaluateRules([rootRule], inv);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('ERROR');
    expect(findings[0]?.message).toMatch(/notebookInstances/);
  });

  it('keeps the verdicts of primary resources read in a region whose listing failed, and reports that scope as ERROR', () => {
    const inv = inventory(
      [nb('nb-east-pass', 'us-east-1', false), nb('nb-east-fail', 'us-east-1', true), nb('nb-west-pass', 'eu-west-1', false)],
      [denied('us-east-1')],
    );
    expect(verdicts(inv)).toEqual({
      'nb-east-pass': 'PASS',
      'nb-east-fail': 'FAIL',
      'nb-west-pass': 'PASS',
      'notebookInstances (us-east-1)': 'ERROR',
    });
    const findings = evaluateRules([rootRule], inv);
    // A kept verdict is the rule's own, message id included, not a rewritten one.
    expect(findings.find((f) => f.resource.name === 'nb-east-fail')).toMatchObject({
      messageId: 'root',
      message: 'Notebook nb-east-fail allows root.',
    });
    const scopes = findings.filter((f) => f.status === 'ERROR');
    expect(scopes).toHaveLength(1);
    expect(scopes[0]).toMatchObject({
      region: 'us-east-1',
      resource: {
        arn: 'arn:aws:sagemaker:us-east-1:111122223333:notebookInstances/*',
        type: 'AWS::SageMaker::NotebookInstance',
        name: 'notebookInstances (us-east-1)',
      },
    });
    expect(scopes[0]?.message).toContain(
      'ListNotebookInstances in us-east-1 failed (AccessDeniedException: sagemaker:ListNotebookInstances denied)',
    );
  });

  it('turns verdicts into ERROR where a secondary slice failed to list, only in that region, or everywhere if global', () => {
    // The rule walks notebooks and draws on a second slice; it does not matter here what it reads from it.
    const dependentRule: Rule = defineRule({
      ...rootRule,
      id: 'test-dependent',
      needs: ['notebookInstances', 'monitoringSchedules'],
      evaluate: ({ notebookInstances }, { pass, fail }) =>
        notebookInstances.map((n) => (n.rootAccess ? fail(n, 'root') : pass(n))),
    });
    const schedulesDenied: CollectionError = {
      slice: 'monitoringSchedules',
      region: 'us-east-1',
      operation: 'ListMonitoringSchedules',
      action: 'sagemaker:ListMonitoringSchedules',
      kind: 'access-denied',
      code: 'AccessDeniedException',
      message: 'no',
    };
    const notebooks = [
      nb('nb-east-pass', 'us-east-1', false),
      nb('nb-east-fail', 'us-east-1', true),
      nb('nb-west-pass', 'eu-west-1', false),
      nb('nb-west-fail', 'eu-west-1', true),
    ];
    const inv: Inventory = {
      ...inventory(notebooks),
      slices: {
        notebookInstances: { items: notebooks, errors: [] },
        monitoringSchedules: { items: [], errors: [schedulesDenied] },
      },
    };
    expect(verdicts(inv, [dependentRule])).toEqual({
      'nb-east-pass': 'ERROR',
      'nb-east-fail': 'ERROR',
      'nb-west-pass': 'PASS',
      'nb-west-fail': 'FAIL',
      'monitoringSchedules (us-east-1)': 'ERROR',
    });
    const blocked = evaluateRules([dependentRule], inv).find((f) => f.resource.name === 'nb-east-pass');
    expect(blocked?.messageId).toBeUndefined();
    expect(blocked?.message).toBe(
      'Not evaluated: ListMonitoringSchedules in us-east-1 failed (AccessDeniedException: sagemaker:ListMonitoringSchedules denied), ' +
        'so the data for this check is incomplete.',
    );

    // A global secondary slice that failed leaves every region's dependent verdicts unsupported.
    const rolesRule: Rule = defineRule({ ...dependentRule, id: 'test-dependent-global', needs: ['notebookInstances', 'iamRoles'] });
    const rolesDenied: CollectionError = {
      slice: 'iamRoles',
      region: 'global',
      operation: 'GetRole',
      action: 'iam:GetRole',
      kind: 'access-denied',
      code: 'AccessDenied',
      message: 'no',
    };
    const globalInv: Inventory = {
      ...inventory(notebooks),
      slices: { notebookInstances: { items: notebooks, errors: [] }, iamRoles: { items: [], errors: [rolesDenied] } },
    };
    expect(verdicts(globalInv, [rolesRule])).toEqual({
      'nb-east-pass': 'ERROR',
      'nb-east-fail': 'ERROR',
      'nb-west-pass': 'ERROR',
      'nb-west-fail': 'ERROR',
      'iamRoles (global)': 'ERROR',
    });
  });

  it('turns an account-level result into ERROR when its region of the primary slice failed, keeping resource verdicts', () => {
    const mixedRule: Rule = defineRule({
      ...rootRule,
      id: 'test-account-mixed',
      messages: { root: 'Notebook {name} allows root.', none: 'No notebooks in {region}.' },
      evaluate: ({ notebookInstances }, { pass, fail, accountResource }) => [
        ...notebookInstances.map((n) => (n.rootAccess ? fail(n, 'root') : pass(n))),
        ...['us-east-1', 'eu-west-1'].map((region) =>
          notebookInstances.some((n) => n.region === region)
            ? pass(accountResource(region))
            : fail(accountResource(region), 'none', { region }),
        ),
      ],
    });
    const inv = inventory([nb('nb-east-fail', 'us-east-1', true), nb('nb-west-pass', 'eu-west-1', false)], [denied('us-east-1')]);
    const findings = evaluateRules([mixedRule], inv);
    const byArn = Object.fromEntries(findings.map((f) => [f.resource.arn, f.status]));
    expect(byArn).toEqual({
      'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-east-fail': 'FAIL',
      'arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/nb-west-pass': 'PASS',
      // The account result in the failed region would have PASSed; it rests on the full list, so it cannot stand.
      'arn:aws:sagemaker:us-east-1:111122223333:account': 'ERROR',
      'arn:aws:sagemaker:eu-west-1:111122223333:account': 'PASS',
      'arn:aws:sagemaker:us-east-1:111122223333:notebookInstances/*': 'ERROR',
    });
    const account = findings.find((f) => f.resource.arn === 'arn:aws:sagemaker:us-east-1:111122223333:account');
    expect(account?.resource.type).toBe('AWS::::Account');
    expect(account?.message).toContain('Not evaluated: ListNotebookInstances in us-east-1 failed');
  });

  it('reports a resource whose Describe failed as ERROR and keeps the others', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-hidden';
    const inv = inventory([nb('nb-pass', 'us-east-1', false)], [denied('us-east-1', arn)]);
    expect(verdicts(inv)).toEqual({ 'nb-pass': 'PASS', 'nb-hidden': 'ERROR' });
  });

  it('never lets a rule that throws produce anything but ERROR', () => {
    const broken: Rule = { ...rootRule, id: 'test-broken', evaluate: () => { throw new Error('boom'); } };
    const findings = evaluateRules([broken], inventory([nb('nb', 'us-east-1', false)]));
    expect(findings.map((f) => f.status)).toEqual(['ERROR']);
    expect(findings[0]?.message).toContain('boom');
  });

  it('blocks account-level results when any region of a needed slice failed', () => {
    const accountRule: Rule = defineRule({
      ...rootRule,
      id: 'test-account',
      needs: ['notebookInstances'],
      messages: { none: 'No notebooks.' },
      evaluate: ({ notebookInstances }, { pass, fail, accountResource }) => [
        notebookInstances.length > 0 ? pass(accountResource()) : fail(accountResource(), 'none'),
      ],
    });
    const statuses = evaluateRules([accountRule], inventory([nb('nb', 'eu-west-1', false)], [denied('us-east-1')])).map(
      (f) => f.status,
    );
    expect(statuses).toEqual(['ERROR', 'ERROR']);
  });

  it('reports a source resource that could not be described where a rule walks the derived slice built from it', () => {
    const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const jobArn = 'arn:aws:sagemaker:us-east-1:111122223333:training-job/job-unreadable';
    const everyKey: Rule = defineRule({
      ...rootRule,
      id: 'test-every-key',
      needs: ['kmsKeys'],
      messages: {},
      evaluate: ({ kmsKeys }, { pass }) => kmsKeys.map((k) => pass(k)),
    });
    const inv: Inventory = { ...inventory([]) };
    for (const source of ['endpointConfigs', 'featureGroups', 'domains'] as const) inv.slices[source] = { items: [], errors: [] };
    inv.slices.trainingJobs = {
      items: [],
      errors: [
        {
          slice: 'trainingJobs',
          region: 'us-east-1',
          operation: 'DescribeTrainingJob',
          action: 'sagemaker:DescribeTrainingJob',
          kind: 'throttled',
          code: 'ThrottlingException',
          message: 'Rate exceeded',
          resourceArn: jobArn,
        },
      ],
    };
    inv.slices.kmsKeys = {
      items: [
        {
          arn: keyArn,
          name: 'k',
          keyId: 'k',
          region: 'us-east-1',
          resourceType: 'AWS::KMS::Key',
          tags: {},
          manager: 'CUSTOMER',
          state: 'Enabled',
          references: [keyArn],
        },
      ],
      errors: [],
    };
    const findings = evaluateRules([everyKey], inv);
    // The job's keys are unknown, so a key it alone uses may be missing from the list the rule walked.
    expect(findings.map((f) => [f.resource.arn, f.status])).toEqual([
      [keyArn, 'PASS'],
      [jobArn, 'ERROR'],
    ]);
    expect(findings[1]?.message).toMatch(/DescribeTrainingJob in us-east-1 failed .*so what it references is unknown/);
    // A rule that reads the source slice itself reports the resource once, as its own.
    const both = evaluateRules([{ ...everyKey, needs: ['trainingJobs', 'kmsKeys'] }], inv);
    expect(both.filter((f) => f.resource.arn === jobArn).map((f) => f.message)).toEqual([
      'Not evaluated: DescribeTrainingJob in us-east-1 failed (ThrottlingException).',
    ]);
  });

  it('resolves KMS references in every form to the one described key', () => {
    const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const keyRule: Rule = defineRule({
      ...rootRule,
      id: 'test-key',
      needs: ['notebookInstances', 'kmsKeys'],
      messages: { missing: 'no key' },
      evaluate: ({ notebookInstances }, { pass, fail, error, kmsKey }) =>
        notebookInstances.map((n) => {
          const k = kmsKey(n.kmsKeyId ?? '', n.region);
          if (k.status === 'found') return pass(n);
          if (k.status === 'error') return error(n, k.error.code);
          return fail(n, 'missing');
        }),
    });
    const inv: Inventory = {
      ...inventory([
        { ...nb('nb-by-id', 'us-east-1', false), kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
        { ...nb('nb-by-alias', 'us-east-1', false), kmsKeyId: 'alias/ml' },
        { ...nb('nb-by-arn', 'us-east-1', false), kmsKeyId: keyArn },
        { ...nb('nb-denied', 'us-east-1', false), kmsKeyId: 'alias/secret' },
      ]),
    };
    // A derived slice is only complete with every slice its references come from.
    for (const source of ['endpointConfigs', 'trainingJobs', 'featureGroups'] as const) {
      inv.slices[source] = { items: [], errors: [] };
    }
    inv.slices.kmsKeys = {
      items: [
        {
          arn: keyArn,
          name: '1234abcd-12ab-34cd-56ef-1234567890ab',
          keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
          region: 'us-east-1',
          resourceType: 'AWS::KMS::Key',
          tags: {},
          manager: 'CUSTOMER',
          state: 'Enabled',
          rotationEnabled: true,
          references: [keyArn, 'arn:aws:kms:us-east-1:111122223333:alias/ml'],
        },
      ],
      errors: [
        {
          slice: 'kmsKeys',
          region: 'us-east-1',
          operation: 'DescribeKey',
          action: 'kms:DescribeKey',
          kind: 'access-denied',
          code: 'AccessDeniedException',
          message: 'no',
          resourceArn: 'arn:aws:kms:us-east-1:111122223333:alias/secret',
        },
      ],
    };
    expect(verdicts(inv, [keyRule])).toEqual({
      'nb-by-id': 'PASS',
      'nb-by-alias': 'PASS',
      'nb-by-arn': 'PASS',
      'nb-denied': 'ERROR',
    });
  });

  it('looks items up by ARN in any case and by name within a region, the first match winning, without a scan per lookup', () => {
    // The same name in two regions, and a second item under the first one's ARN (a lookup returns the first).
    const items = [nb('shared', 'us-east-1', false), nb('shared', 'eu-west-1', true), { ...nb('shared', 'us-east-1', true), name: 'dup' }];
    const seen: string[] = [];
    const lookupRule: Rule = defineRule({
      ...rootRule,
      id: 'test-lookup',
      evaluate: (_slices, { lookup, pass }) => {
        for (const [key, region] of [
          ['shared', 'eu-west-1'],
          ['shared', 'us-east-1'],
          ['shared', 'ap-south-1'],
          ['ARN:AWS:SAGEMAKER:US-EAST-1:111122223333:NOTEBOOK-INSTANCE/SHARED'.replace('ARN:', 'arn:'), 'eu-west-1'],
        ] as const) {
          const r = lookup('notebookInstances', key, region);
          seen.push(r.status === 'found' ? `${r.item.region}:${String(r.item.rootAccess)}` : r.status);
        }
        return [pass(items[0] as NotebookInstance)];
      },
    });
    evaluateRules([lookupRule, lookupRule], inventory(items));
    expect(seen).toEqual([
      'eu-west-1:true', 'us-east-1:false', 'absent', 'us-east-1:false',
      'eu-west-1:true', 'us-east-1:false', 'absent', 'us-east-1:false',
    ]);

    // 20,000 lookups in a slice of 20,000 items: an index, not a linear search each (400 million comparisons).
    const many = Array.from({ length: 20_000 }, (_, i) => nb(`nb-${i}`, 'us-east-1', false));
    let found = 0;
    const manyRule: Rule = defineRule({
      ...rootRule,
      id: 'test-many-lookups',
      evaluate: ({ notebookInstances }, { lookup, pass }) =>
        notebookInstances.map((n) => {
          if (lookup('notebookInstances', n.arn, n.region).status === 'found') found += 1;
          return pass(n);
        }),
    });
    const started = performance.now();
    evaluateRules([manyRule], inventory(many));
    expect(found).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives every finding of a rule the rule taxonomy, shared and frozen rather than copied per finding', () => {
    const [a, b] = evaluateRules([rootRule], inventory([nb('a', 'us-east-1', true), nb('b', 'us-east-1', false)]));
    expect(a?.dimensions).toEqual(['privacy-security']);
    expect(a?.dimensions).toBe(b?.dimensions);
    expect(Object.isFrozen(a?.dimensions)).toBe(true);
    expect(a).not.toHaveProperty('evidence');
    expect(b).not.toHaveProperty('messageId');
    expect(Object.keys(a ?? {})).toEqual([
      'ruleId', 'title', 'status', 'severity', 'kind', 'phase', 'dimensions', 'pillars', 'resource', 'account', 'region',
      'message', 'messageId', 'remediation',
    ]);
  });
});
