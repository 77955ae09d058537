/**
 * Builders for the workspaces group's inventory items. As in builders.ts, defaults PASS every rule and names say
 * the outcome. Note that builders.ts's `notebook()` has no lifecycle configuration and was last modified 46 days
 * before COLLECTED_AT, so on its own it FAILS notebook-idle: `notebookWithAutoStop()` is the notebook that passes
 * every rule, together with `notebookLifecycleConfig()`.
 */
import type { NotebookInstance, PolicyDocument } from '../../src/inventory/model.js';
import type { Domain, NotebookLifecycleConfig } from '../../src/inventory/model-workspaces.js';
import { ACCOUNT, kmsKeyArn, notebook, REGION, roleArn, sagemakerArn } from './builders.js';

type Overrides<T> = Partial<T>;

/** A fixed instant before COLLECTED_AT (2026-03-02T10:00Z). */
const CREATED_AT = '2026-01-15T09:30:00.000Z';
/** Two days before COLLECTED_AT: recently started. */
export const RECENTLY = '2026-02-28T08:00:00.000Z';
export const DAY_MS = 86_400_000;

/** An instant `days` days before COLLECTED_AT. */
export function daysBeforeCollection(days: number): string {
  return new Date(Date.parse('2026-03-02T10:00:00.000Z') - days * DAY_MS).toISOString();
}

export function notebookLifecycleConfig(overrides: Overrides<NotebookLifecycleConfig> = {}): NotebookLifecycleConfig {
  const item: NotebookLifecycleConfig = {
    arn: '',
    name: 'lcc-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::NotebookInstanceLifecycleConfig',
    tags: {},
    creationTime: CREATED_AT,
    lastModifiedTime: CREATED_AT,
    hooks: ['OnStart'],
    secretFindings: [],
    autoStop: true,
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('notebook-instance-lifecycle-config', item.name, item.region) };
}

/** A notebook that passes every rule, notebook-idle included: it uses `lcc-pass`, which stops it when idle. */
export function notebookWithAutoStop(overrides: Overrides<NotebookInstance> = {}): NotebookInstance {
  return notebook({ lifecycleConfigName: 'lcc-pass', ...overrides });
}

export function domain(overrides: Overrides<Domain> = {}): Domain {
  const item: Domain = {
    arn: '',
    name: 'domain-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Domain',
    tags: {},
    domainId: 'd-pass00000001',
    status: 'InService',
    creationTime: CREATED_AT,
    authMode: 'SSO',
    appNetworkAccessType: 'VpcOnly',
    kmsKeyId: kmsKeyArn(),
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60719'],
    singleSignOnApplicationArn: `arn:aws:sso::${ACCOUNT}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`,
    singleSignOnManagedApplicationInstanceId: 'ins-0123456789abcdef',
    defaultExecutionRole: roleArn(),
    jupyterLabIdleShutdown: { enabled: true, idleTimeoutMinutes: 120, minIdleTimeoutMinutes: 60, maxIdleTimeoutMinutes: 240 },
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('domain', item.domainId, item.region) };
}

/** The trust policy the SageMaker console writes for a new execution role: no source condition. */
export const UNCONDITIONED_SAGEMAKER_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** A role only another service can assume: not a SageMaker execution role. */
export const LAMBDA_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
