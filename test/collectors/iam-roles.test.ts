import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  IAMServiceException,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  type AttachedPolicy as SdkAttachedPolicy,
  type GetPolicyResponse,
  type GetPolicyVersionResponse,
  type GetRolePolicyResponse,
  type GetRoleResponse,
  type ListAttachedRolePoliciesResponse,
  type ListRolePoliciesResponse,
  type ListRolesResponse,
  type Role,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { iamRolesCollector, parsePolicyDocument, toIamRole } from '../../src/inventory/collectors/iam-roles.js';
import type { FeatureGroup, Model, NotebookInstance, PolicyDocument, Slices, TrainingJob } from '../../src/inventory/model.js';
import type { Domain } from '../../src/inventory/model-workspaces.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const iam = mockClient(IAMClient);
beforeEach(() => {
  iam.reset();
});
afterAll(() => {
  iam.restore();
});

const NOTEBOOK_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonSageMaker-ExecutionRole-20250101T000000`;
const TRAINING_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/ml-training`;
const CUSTOMER_POLICY = `arn:aws:iam::${ACCOUNT_ID}:policy/ml-data-access`;
const AWS_POLICY = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess';

/** IAM returns documents URL-encoded (RFC 3986), exactly like encodeURIComponent. */
const encoded = (doc: PolicyDocument): string => encodeURIComponent(JSON.stringify(doc));

const trustPolicy: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const dataAccess: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadTrainingData', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::ml-data', 'arn:aws:s3:::ml-data/*'] }],
};
const inlineWildcard: PolicyDocument = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': ACCOUNT_ID } } },
};

const roleName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
const rolePath = (arn: string): string => {
  const resource = arn.split(':')[5] ?? '';
  return resource.slice('role'.length, resource.lastIndexOf('/') + 1);
};

function getRole(arn: string, tags: { Key: string; Value: string }[] = []): GetRoleResponse {
  return {
    Role: {
      Path: rolePath(arn),
      RoleName: roleName(arn),
      RoleId: `AROA${roleName(arn).length.toString().padStart(17, 'X')}`,
      Arn: arn,
      CreateDate: new Date('2024-01-01T00:00:00.000Z'),
      AssumeRolePolicyDocument: encoded(trustPolicy),
      MaxSessionDuration: 3600,
      ...(tags.length ? { Tags: tags } : {}),
      RoleLastUsed: { LastUsedDate: new Date('2025-04-01T00:00:00.000Z'), Region: 'us-east-1' },
    },
  };
}

interface RoleSetup {
  role: GetRoleResponse | Error;
  /** Pages of attached policies (Marker-chained). */
  attached?: SdkAttachedPolicy[][];
  inline?: Record<string, string | Error>;
}

interface Served {
  getRoleNames: string[];
  attachedInputs: Record<string, unknown>[];
  listRolesInputs: Record<string, unknown>[];
}

/**
 * Serves GetRole and the policy calls for `roles`, and ListRoles from `listed` (Marker-chained pages; by default one
 * empty page, an account with no other roles), or fails ListRoles with `listed` when it is an Error.
 */
function serveIam(
  roles: Record<string, RoleSetup>,
  policies: Record<string, { doc: string } | Error> = {},
  listed: Role[][] | Error = [[]],
): Served {
  const served: Served = { getRoleNames: [], attachedInputs: [], listRolesInputs: [] };
  iam.on(ListRolesCommand).callsFake((input: { Marker?: string }) => {
    served.listRolesInputs.push({ ...input });
    if (listed instanceof Error) throw listed;
    const index = input.Marker === undefined ? 0 : Number(input.Marker.replace('roles-', ''));
    const more = index + 1 < listed.length;
    const out: ListRolesResponse = {
      Roles: listed[index] ?? [],
      IsTruncated: more,
      ...(more ? { Marker: `roles-${index + 1}` } : {}),
    };
    return out;
  });
  const setup = (name: string): RoleSetup => {
    const s = roles[name];
    if (!s) throw serviceError(IAMServiceException, 'NoSuchEntityException', `The role with name ${name} cannot be found.`, 404);
    return s;
  };
  iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => {
    served.getRoleNames.push(input.RoleName);
    const r = setup(input.RoleName).role;
    if (r instanceof Error) throw r;
    return r;
  });
  iam.on(ListAttachedRolePoliciesCommand).callsFake((input: { RoleName: string; Marker?: string }) => {
    served.attachedInputs.push({ ...input });
    const pages = setup(input.RoleName).attached ?? [[]];
    const index = input.Marker === undefined ? 0 : Number(input.Marker.replace('marker-', ''));
    const more = index + 1 < pages.length;
    const out: ListAttachedRolePoliciesResponse = {
      AttachedPolicies: pages[index] ?? [],
      IsTruncated: more,
      ...(more ? { Marker: `marker-${index + 1}` } : {}),
    };
    return out;
  });
  iam.on(ListRolePoliciesCommand).callsFake((input: { RoleName: string }) => {
    const out: ListRolePoliciesResponse = { PolicyNames: Object.keys(setup(input.RoleName).inline ?? {}), IsTruncated: false };
    return out;
  });
  iam.on(GetRolePolicyCommand).callsFake((input: { RoleName: string; PolicyName: string }) => {
    const doc = setup(input.RoleName).inline?.[input.PolicyName];
    if (doc instanceof Error) throw doc;
    const out: GetRolePolicyResponse = { RoleName: input.RoleName, PolicyName: input.PolicyName, PolicyDocument: doc };
    return out;
  });
  iam.on(GetPolicyCommand).callsFake((input: { PolicyArn: string }) => {
    const p = policies[input.PolicyArn];
    if (p instanceof Error) throw p;
    const out: GetPolicyResponse = {
      Policy: {
        PolicyName: roleName(input.PolicyArn),
        PolicyId: 'ANPAEXAMPLEPOLICYID01',
        Arn: input.PolicyArn,
        Path: '/',
        DefaultVersionId: 'v3',
        AttachmentCount: 2,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: new Date('2024-01-01T00:00:00.000Z'),
        UpdateDate: new Date('2024-05-01T00:00:00.000Z'),
      },
    };
    return out;
  });
  iam.on(GetPolicyVersionCommand).callsFake((input: { PolicyArn: string; VersionId: string }) => {
    const p = policies[input.PolicyArn];
    if (!p || p instanceof Error) throw new Error(`unexpected GetPolicyVersion ${input.PolicyArn}`);
    const out: GetPolicyVersionResponse = {
      PolicyVersion: { Document: p.doc, VersionId: input.VersionId, IsDefaultVersion: true, CreateDate: new Date('2024-05-01T00:00:00.000Z') },
    };
    return out;
  });
  return served;
}

const base = { region: 'us-east-1', resourceType: 'x', tags: {} };
const notebook = (roleArn: string): NotebookInstance => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:notebook-instance/nb`,
  name: 'nb',
  status: 'InService',
  directInternetAccess: false,
  rootAccess: false,
  securityGroups: [],
  roleArn,
});
const trainingJob = (name: string, roleArn: string): TrainingJob => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:training-job/${name}`,
  name,
  status: 'Completed',
  creationTime: '2025-01-01T00:00:00.000Z',
  roleArn,
  networkIsolation: true,
  interContainerEncryption: true,
  instanceCount: 1,
  usesInstanceGroups: false,
  managedSpot: false,
  debugHook: false,
  debugRuleCount: 0,
  profilerEnabled: false,
});
const model = (executionRoleArn: string): Model => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:model/m`,
  name: 'm',
  creationTime: '2025-01-01T00:00:00.000Z',
  executionRoleArn,
  networkIsolation: false,
  containers: [],
});
const featureGroup = (roleArn: string): FeatureGroup => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:feature-group/fg`,
  name: 'fg',
  status: 'Created',
  creationTime: '2025-01-01T00:00:00.000Z',
  roleArn,
});
const slice = <T>(items: T[]) => ({ items, errors: [] });

const twoRoles: Partial<Slices> = {
  notebookInstances: slice([notebook(NOTEBOOK_ROLE)]),
  trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE), trainingJob('job-2', TRAINING_ROLE)]),
};

describe('parsePolicyDocument', () => {
  it('decodes URL-encoded JSON', () => {
    expect(parsePolicyDocument(encoded(dataAccess), 'p')).toEqual(dataAccess);
  });

  it('rejects a document that is not JSON, or not an object, as MalformedPolicyDocument', () => {
    expect(() => parsePolicyDocument('%7B%22Version%22', 'p')).toThrow(expect.objectContaining({ name: 'MalformedPolicyDocument' }));
    expect(() => parsePolicyDocument('%E0%A4%A', 'p')).toThrow(expect.objectContaining({ name: 'MalformedPolicyDocument' }));
    expect(() => parsePolicyDocument(encodeURIComponent('[1]'), 'p')).toThrow(expect.objectContaining({ name: 'MalformedPolicyDocument' }));
  });
});

describe('toIamRole', () => {
  it('maps the role with its decoded trust policy and tags, in the global region', () => {
    expect(toIamRole(getRole(TRAINING_ROLE, [{ Key: 'team', Value: 'ml' }]))).toEqual({
      arn: TRAINING_ROLE,
      name: 'ml-training',
      region: 'global',
      resourceType: 'AWS::IAM::Role',
      tags: { team: 'ml' },
      roleId: getRole(TRAINING_ROLE).Role?.RoleId,
      trustPolicy,
      attachedPolicies: [],
      inlinePolicies: [],
    });
  });
});

describe('iamRolesCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(iamRolesCollector.operations).toEqual([
      'iam:GetRole',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:GetRolePolicy',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'iam:ListRoles',
    ]);
  });

  it('describes each role once, decodes every document, fetches a shared customer policy once and AWS-managed ones never', async () => {
    const attached: SdkAttachedPolicy[] = [
      { PolicyName: 'AmazonSageMakerFullAccess', PolicyArn: AWS_POLICY },
      { PolicyName: 'ml-data-access', PolicyArn: CUSTOMER_POLICY },
    ];
    const served = serveIam(
      {
        'AmazonSageMaker-ExecutionRole-20250101T000000': { role: getRole(NOTEBOOK_ROLE, [{ Key: 'team', Value: 'research' }]), attached: [attached] },
        'ml-training': { role: getRole(TRAINING_ROLE), attached: [attached], inline: { 's3-wildcard': encoded(inlineWildcard) } },
      },
      { [CUSTOMER_POLICY]: { doc: encoded(dataAccess) } },
    );
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], twoRoles);

    expect(result.errors).toEqual([]);
    expect(served.getRoleNames.sort()).toEqual(['AmazonSageMaker-ExecutionRole-20250101T000000', 'ml-training']);
    expect(iam.commandCalls(GetPolicyCommand)).toHaveLength(1);
    expect(iam.commandCalls(GetPolicyCommand)[0]?.args[0].input).toEqual({ PolicyArn: CUSTOMER_POLICY });
    expect(iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(1);
    expect(iam.commandCalls(GetPolicyVersionCommand)[0]?.args[0].input).toEqual({ PolicyArn: CUSTOMER_POLICY, VersionId: 'v3' });

    const expectedAttached = [
      { arn: AWS_POLICY, name: 'AmazonSageMakerFullAccess', awsManaged: true },
      { arn: CUSTOMER_POLICY, name: 'ml-data-access', awsManaged: false, document: dataAccess },
    ];
    expect(result.items).toEqual([
      {
        arn: TRAINING_ROLE,
        name: 'ml-training',
        region: 'global',
        resourceType: 'AWS::IAM::Role',
        tags: {},
        roleId: getRole(TRAINING_ROLE).Role?.RoleId,
        trustPolicy,
        attachedPolicies: expectedAttached,
        inlinePolicies: [{ name: 's3-wildcard', document: inlineWildcard }],
      },
      {
        arn: NOTEBOOK_ROLE,
        name: 'AmazonSageMaker-ExecutionRole-20250101T000000',
        region: 'global',
        resourceType: 'AWS::IAM::Role',
        tags: { team: 'research' },
        roleId: getRole(NOTEBOOK_ROLE).Role?.RoleId,
        trustPolicy,
        attachedPolicies: expectedAttached,
        inlinePolicies: [],
      },
    ]);
    expect(result.items[1]?.attachedPolicies[0]).not.toHaveProperty('document');
  });

  it('pages attached policies with MaxItems 100 and Marker', async () => {
    const served = serveIam(
      {
        'ml-training': {
          role: getRole(TRAINING_ROLE),
          attached: [[{ PolicyName: 'AmazonSageMakerFullAccess', PolicyArn: AWS_POLICY }], [{ PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }]],
        },
      },
    );
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) });

    expect(served.attachedInputs).toEqual([
      { RoleName: 'ml-training', MaxItems: 100, Marker: undefined },
      { RoleName: 'ml-training', MaxItems: 100, Marker: 'marker-1' },
    ]);
    expect(result.items[0]?.attachedPolicies.map((p) => p.name)).toEqual(['AmazonSageMakerFullAccess', 'AmazonS3ReadOnlyAccess']);
  });

  it('collects a role referenced by models, feature groups and endpoint configs once', async () => {
    const served = serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE) } });
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], {
      models: slice([model(TRAINING_ROLE)]),
      featureGroups: slice([featureGroup(TRAINING_ROLE)]),
      endpointConfigs: slice([
        {
          ...base,
          arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:endpoint-config/c`,
          name: 'c',
          creationTime: '2025-01-01T00:00:00.000Z',
          variants: [],
          shadowVariantCount: 0,
          clarifyExplainer: false,
          executionRoleArn: TRAINING_ROLE,
        },
      ]),
    });
    expect(served.getRoleNames).toEqual(['ml-training']);
    expect(result.items.map((r) => r.arn)).toEqual([TRAINING_ROLE]);
  });

  it('skips and notes roles of other accounts', async () => {
    const foreign = 'arn:aws:iam::999988887777:role/shared-ml-role';
    const served = serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE) } });
    const { ctx, notes } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], {
      trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE), trainingJob('job-x', foreign)]),
    });
    expect(served.getRoleNames).toEqual(['ml-training']);
    expect(result.errors).toEqual([]);
    expect(notes).toEqual([`iamRoles: not described, roles outside account ${ACCOUNT_ID}: ${foreign}`]);
  });

  it('records a denied GetRole against that role, in the global region, and collects the others', async () => {
    const message = notAuthorized('iam:GetRole', NOTEBOOK_ROLE);
    serveIam({
      'AmazonSageMaker-ExecutionRole-20250101T000000': { role: serviceError(IAMServiceException, 'AccessDenied', message, 403) },
      'ml-training': { role: getRole(TRAINING_ROLE) },
    });
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], twoRoles);

    expect(result.items.map((r) => r.arn)).toEqual([TRAINING_ROLE]);
    expect(result.errors).toEqual([
      {
        slice: 'iamRoles',
        region: 'global',
        operation: 'GetRole',
        action: 'iam:GetRole',
        kind: 'access-denied',
        code: 'AccessDenied',
        message,
        resourceArn: NOTEBOOK_ROLE,
      },
    ]);
  });

  it('leaves out every role attaching a customer policy that cannot be read, naming GetPolicy', async () => {
    const message = notAuthorized('iam:GetPolicy', CUSTOMER_POLICY);
    const attached = [[{ PolicyName: 'ml-data-access', PolicyArn: CUSTOMER_POLICY }]];
    serveIam(
      {
        'AmazonSageMaker-ExecutionRole-20250101T000000': { role: getRole(NOTEBOOK_ROLE), attached },
        'ml-training': { role: getRole(TRAINING_ROLE), attached },
      },
      { [CUSTOMER_POLICY]: serviceError(IAMServiceException, 'AccessDenied', message, 403) },
    );
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], twoRoles);

    expect(result.items).toEqual([]);
    expect(iam.commandCalls(GetPolicyCommand)).toHaveLength(1);
    expect(result.errors.map((e) => [e.resourceArn, e.operation, e.action, e.kind])).toEqual([
      [TRAINING_ROLE, 'GetPolicy', 'iam:GetPolicy', 'access-denied'],
      [NOTEBOOK_ROLE, 'GetPolicy', 'iam:GetPolicy', 'access-denied'],
    ]);
  });

  it('reports an inline policy that does not parse as MalformedPolicyDocument on the role', async () => {
    serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE), inline: { broken: '%7B%22Version%22%3A' } } });
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) });

    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        slice: 'iamRoles',
        region: 'global',
        operation: 'GetRolePolicy',
        action: 'iam:GetRolePolicy',
        kind: 'api-error',
        code: 'MalformedPolicyDocument',
        resourceArn: TRAINING_ROLE,
      }),
    ]);
  });

  it('stops with the abort reason when the scan is cancelled, rather than recording errors', async () => {
    serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE) } });
    const controller = new AbortController();
    controller.abort();
    const { ctx } = collectorContext({ signal: controller.signal });
    await expect(
      iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) }),
    ).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(iam.calls()).toHaveLength(0);
  });

  it('records a role that no longer exists as an error rather than skipping it', async () => {
    serveIam({});
    const { ctx } = collectorContext();
    const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) });
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'NoSuchEntityException', resourceArn: TRAINING_ROLE })]);
  });

  describe('roles SageMaker can assume (ListRoles)', () => {
    const STUDIO_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonSageMaker-ExecutionRole-20250120T080000`;
    const LAMBDA_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/etl-lambda`;
    const LEGACY_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/SageMakerLegacy`;
    const lambdaTrust: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    const multiServiceTrust: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['glue.amazonaws.com', 'sagemaker.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] },
      ],
    };
    /** A ListRoles entry: like GetRole's Role, without tags or RoleLastUsed, trust policy URL-encoded. */
    const listedRole = (arn: string, trust: PolicyDocument | string = trustPolicy): Role => ({
      Path: rolePath(arn),
      RoleName: roleName(arn),
      RoleId: `AROA${roleName(arn).length.toString().padStart(17, 'Y')}`,
      Arn: arn,
      CreateDate: new Date('2024-06-01T00:00:00.000Z'),
      AssumeRolePolicyDocument: typeof trust === 'string' ? trust : encoded(trust),
      MaxSessionDuration: 3600,
    });

    it('pages ListRoles with MaxItems 100 and Marker, and describes every role trusting SageMaker, and only those', async () => {
      const served = serveIam(
        {
          'AmazonSageMaker-ExecutionRole-20250120T080000': { role: getRole(STUDIO_ROLE) },
          SageMakerLegacy: { role: getRole(LEGACY_ROLE) },
        },
        {},
        [[listedRole(STUDIO_ROLE), listedRole(LAMBDA_ROLE, lambdaTrust)], [listedRole(LEGACY_ROLE, multiServiceTrust)]],
      );
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], {});

      expect(result.errors).toEqual([]);
      expect(served.listRolesInputs).toEqual([
        { MaxItems: 100, Marker: undefined },
        { MaxItems: 100, Marker: 'roles-1' },
      ]);
      expect(served.getRoleNames.sort()).toEqual(['AmazonSageMaker-ExecutionRole-20250120T080000', 'SageMakerLegacy']);
      expect(result.items.map((r) => r.arn)).toEqual([LEGACY_ROLE, STUDIO_ROLE]);
    });

    it('describes a role both referenced and listed once, under the referenced ARN, even in another case', async () => {
      const served = serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE) } }, {}, [[listedRole(TRAINING_ROLE.replace('ml-training', 'ML-Training'))]]);
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) });
      expect(served.getRoleNames).toEqual(['ml-training']);
      expect(result.items.map((r) => r.arn)).toEqual([TRAINING_ROLE]);
    });

    it('describes a listed role whose trust policy does not parse, so the problem is reported on the role', async () => {
      serveIam({}, {}, [[listedRole(LEGACY_ROLE, '%7B%22Statement')]]);
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], {});
      // GetRole is served NoSuchEntity here: what matters is that the role was not silently dropped.
      expect(result.errors).toEqual([expect.objectContaining({ operation: 'GetRole', resourceArn: LEGACY_ROLE })]);
    });

    it('reports a denied ListRoles as an account-wide error and still describes the referenced roles', async () => {
      const message = notAuthorized('iam:ListRoles', `arn:aws:iam::${ACCOUNT_ID}:role/`);
      serveIam({ 'ml-training': { role: getRole(TRAINING_ROLE) } }, {}, serviceError(IAMServiceException, 'AccessDenied', message, 403));
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { trainingJobs: slice([trainingJob('job-1', TRAINING_ROLE)]) });

      expect(result.items.map((r) => r.arn)).toEqual([TRAINING_ROLE]);
      expect(result.errors).toEqual([
        {
          slice: 'iamRoles',
          region: 'global',
          operation: 'ListRoles',
          action: 'iam:ListRoles',
          kind: 'access-denied',
          code: 'AccessDenied',
          message,
        },
      ]);
    });

    it('reports a denied ListRoles with no items when no resource references a role', async () => {
      serveIam({}, {}, serviceError(IAMServiceException, 'AccessDenied', notAuthorized('iam:ListRoles', '*'), 403));
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], {});
      expect(result.items).toEqual([]);
      expect(result.errors.map((e) => [e.operation, e.resourceArn])).toEqual([['ListRoles', undefined]]);
    });

    it('describes the default execution role of a Studio domain collected in the same scan', async () => {
      const domain: Domain = {
        ...base,
        arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:domain/d-abc123def456`,
        name: 'studio',
        domainId: 'd-abc123def456',
        status: 'InService',
        appNetworkAccessType: 'VpcOnly',
        subnetIds: [],
        defaultExecutionRole: STUDIO_ROLE,
        jupyterLabIdleShutdown: { enabled: false },
      };
      const served = serveIam({ 'AmazonSageMaker-ExecutionRole-20250120T080000': { role: getRole(STUDIO_ROLE) } });
      const { ctx } = collectorContext();
      const result = await iamRolesCollector.collect(ctx, ['us-east-1'], { domains: slice([domain]) });
      expect(served.getRoleNames).toEqual(['AmazonSageMaker-ExecutionRole-20250120T080000']);
      expect(result.items.map((r) => r.arn)).toEqual([STUDIO_ROLE]);
    });
  });
});
