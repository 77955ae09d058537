import { GetRoleCommand, IAMClient, type GetRoleResponse } from '@aws-sdk/client-iam';
import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  SageMakerClient,
  type DescribeNotebookInstanceOutput,
  type ListNotebookInstancesOutput,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/client-factory.js';
import { ALL_SAGEMAKER_REGIONS, isRegionNotEnabled, SAGEMAKER_REGIONS } from '../../src/aws/regions.js';
import { collectInventory, probeRegions } from '../../src/inventory/collect.js';
import { CredentialsError } from '../../src/util/errors.js';
import { ACCOUNT_ID, serviceError, TEST_CREDENTIALS } from '../support/collector-context.js';

const sts = mockClient(STSClient);
const sagemaker = mockClient(SageMakerClient);
const iam = mockClient(IAMClient);
const mocks = [sts, sagemaker, iam];

const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/notebook-role`;
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** Regions the account has not enabled answer every call with InvalidClientTokenId, as AWS does. */
let disabled = new Set<string>();
let clients: ClientFactory;

const regionOf = async (getClient: () => { config: { region: () => Promise<string> } }): Promise<string> =>
  getClient().config.region();

beforeEach(() => {
  for (const m of mocks) m.reset();
  disabled = new Set(['me-south-1']);
  clients = new ClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });

  sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    if (disabled.has(await regionOf(getClient))) throw serviceError(STSServiceException, 'InvalidClientTokenId', INVALID_TOKEN, 403);
    return { Account: ACCOUNT_ID, Arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/Auditor/mlaudit`, UserId: 'AROA:mlaudit' };
  });
  // Every region has one notebook, and every notebook runs as the same role.
  sagemaker.onAnyCommand().resolves({});
  sagemaker.on(ListNotebookInstancesCommand).callsFake(async (_input, getClient) => {
    const region = await regionOf(getClient);
    const out: ListNotebookInstancesOutput = {
      NotebookInstances: [
        {
          NotebookInstanceName: `nb-${region}`,
          NotebookInstanceArn: `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:notebook-instance/nb-${region}`,
          NotebookInstanceStatus: 'InService',
        },
      ],
    };
    return out;
  });
  sagemaker.on(DescribeNotebookInstanceCommand).callsFake(async (input: { NotebookInstanceName: string }, getClient) => {
    const region = await regionOf(getClient);
    const out: DescribeNotebookInstanceOutput = {
      NotebookInstanceName: input.NotebookInstanceName,
      NotebookInstanceArn: `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:notebook-instance/${input.NotebookInstanceName}`,
      NotebookInstanceStatus: 'InService',
      RoleArn: ROLE_ARN,
      RootAccess: 'Disabled',
      DirectInternetAccess: 'Disabled',
    };
    return out;
  });
  iam.onAnyCommand().resolves({});
  iam.on(GetRoleCommand).resolves({
    Role: {
      RoleName: 'notebook-role',
      Arn: ROLE_ARN,
      RoleId: 'AROAEXAMPLE',
      Path: '/',
      CreateDate: new Date('2025-01-01T00:00:00.000Z'),
      AssumeRolePolicyDocument: encodeURIComponent(
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      ),
    },
  } satisfies GetRoleResponse);
});

afterEach(() => clients.destroy());
afterAll(() => {
  for (const m of mocks) m.restore();
});

const callsIn = async (calls: { thisValue: unknown }[]): Promise<string[]> =>
  Promise.all(calls.map((c) => (c.thisValue as { config: { region: () => Promise<string> } }).config.region()));

describe('regions the account has not enabled', () => {
  it('are probed, skipped with a note, and never collected; the other regions are', async () => {
    const inventory = await collectInventory({
      regions: ['us-east-1', 'me-south-1', 'eu-west-1'],
      needs: ['notebookInstances'],
      clients,
      now: () => new Date('2026-01-01T00:00:00.000Z'),
    });
    expect(inventory.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(inventory.notes).toEqual([
      `me-south-1 skipped for account ${ACCOUNT_ID}: the region is not enabled for the account (InvalidClientTokenId)`,
    ]);
    expect(inventory.slices.notebookInstances?.errors).toEqual([]);
    expect(inventory.slices.notebookInstances?.items.map((n) => n.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    // One probe per region; nothing else was sent to the region that is not enabled.
    expect((await callsIn(sts.commandCalls(GetCallerIdentityCommand))).sort()).toEqual(['eu-west-1', 'me-south-1', 'us-east-1']);
    expect((await callsIn(sagemaker.calls())).filter((r) => r === 'me-south-1')).toEqual([]);
  });

  it('are told apart from bad credentials: when no region answers, the scan stops with a credentials error', async () => {
    disabled = new Set(['us-east-1', 'me-south-1']);
    const probe = probeRegions(clients, ['us-east-1', 'me-south-1']);
    await expect(probe).rejects.toBeInstanceOf(CredentialsError);
    await expect(probe).rejects.toThrow(/cannot identify the AWS account \(InvalidClientTokenId/);
  });

  it('a region failing for another reason is kept, so its collectors report what they could not read', async () => {
    sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      if ((await regionOf(getClient)) === 'eu-west-1') throw serviceError(STSServiceException, 'ServiceUnavailable', 'down', 503);
      return { Account: ACCOUNT_ID };
    });
    const probe = await probeRegions(clients, ['us-east-1', 'eu-west-1']);
    expect(probe).toEqual({ accountId: ACCOUNT_ID, enabled: ['us-east-1', 'eu-west-1'], skipped: [] });
  });

  it('recognises the ways AWS says "not enabled"', () => {
    const err = (name: string, message = 'x') => serviceError(STSServiceException, name, message, 403);
    for (const code of ['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'OptInRequired']) {
      expect(isRegionNotEnabled(err(code)), code).toBe(true);
    }
    expect(isRegionNotEnabled(err('AccessDenied', 'The region me-south-1 is not enabled for this account'))).toBe(true);
    expect(isRegionNotEnabled(err('AccessDeniedException', 'User is not authorized to perform sagemaker:ListEndpoints'))).toBe(false);
    expect(isRegionNotEnabled(err('ThrottlingException', 'Rate exceeded'))).toBe(false);
  });
});

describe('global slices across many regions', () => {
  it('IAM roles referenced from every region are described once per account, as global resources', async () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
    const inventory = await collectInventory({ regions, needs: ['iamRoles'], clients });
    expect(inventory.slices.notebookInstances?.items).toHaveLength(regions.length);
    expect(inventory.slices.iamRoles?.items.map((r) => [r.arn, r.region])).toEqual([[ROLE_ARN, 'global']]);
    expect(iam.commandCalls(GetRoleCommand)).toHaveLength(1);
    // Every IAM call, whatever the regions scanned, goes to IAM's one endpoint.
    expect(new Set(await callsIn(iam.calls()))).toEqual(new Set(['us-east-1']));
  });
});

describe('--all-regions', () => {
  it('is a documented, duplicate-free list of commercial regions, opt-in regions marked', () => {
    expect(new Set(ALL_SAGEMAKER_REGIONS).size).toBe(ALL_SAGEMAKER_REGIONS.length);
    for (const r of ALL_SAGEMAKER_REGIONS) expect(r).toMatch(/^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d$/);
    expect(ALL_SAGEMAKER_REGIONS).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'me-south-1']));
    expect(SAGEMAKER_REGIONS.filter((r) => r.optIn).map((r) => r.region)).toEqual(expect.arrayContaining(['me-south-1', 'af-south-1']));
    expect(SAGEMAKER_REGIONS.find((r) => r.region === 'us-east-1')?.optIn).toBe(false);
  });
});
