import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, type DescribeKeyResponse } from '@aws-sdk/client-kms';
import { IAMClient } from '@aws-sdk/client-iam';
import {
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListFeatureGroupsCommand,
  ListNotebookInstancesCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
  SageMakerServiceException,
  type DescribeEndpointConfigOutput,
  type DescribeNotebookInstanceOutput,
  type ListEndpointConfigsOutput,
  type ListNotebookInstancesOutput,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/client-factory.js';
import { collectInventory } from '../../src/inventory/collect.js';
import { ACCOUNT_ID, notAuthorized, serviceError, TEST_CREDENTIALS } from '../support/collector-context.js';

const sagemaker = mockClient(SageMakerClient);
const sts = mockClient(STSClient);
const kms = mockClient(KMSClient);
const iam = mockClient(IAMClient);
const mocks = [sagemaker, sts, kms, iam];

const NOW = new Date('2025-05-01T12:00:00.000Z');
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/${KEY_ID}`;
const EU_KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/eu-key`;
const EPC_ARN = `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:endpoint-config/epc-us`;
const NB_ARN = `arn:aws:sagemaker:eu-west-1:${ACCOUNT_ID}:notebook-instance/nb-eu`;
const LIST_DENIED = notAuthorized('sagemaker:ListEndpointConfigs', `arn:aws:sagemaker:eu-west-1:${ACCOUNT_ID}:endpoint-config/*`);

let clients: ClientFactory;

beforeEach(() => {
  for (const m of mocks) m.reset();
  clients = new ClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });

  sts.on(GetCallerIdentityCommand).resolves({
    UserId: 'AROAEXAMPLEROLEID:mlaudit',
    Account: ACCOUNT_ID,
    Arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/Auditor/mlaudit`,
  });

  // Endpoint configs: one in us-east-1; ListEndpointConfigs is denied in eu-west-1.
  sagemaker.on(ListEndpointConfigsCommand).callsFake(async (_input, getClient) => {
    if ((await getClient().config.region()) === 'eu-west-1') {
      throw serviceError(SageMakerServiceException, 'AccessDeniedException', LIST_DENIED);
    }
    const out: ListEndpointConfigsOutput = {
      EndpointConfigs: [{ EndpointConfigName: 'epc-us', EndpointConfigArn: EPC_ARN, CreationTime: new Date('2025-04-01T00:00:00.000Z') }],
    };
    return out;
  });
  sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'epc-us' }).resolves({
    EndpointConfigName: 'epc-us',
    EndpointConfigArn: EPC_ARN,
    ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }],
    KmsKeyId: KEY_ID,
    CreationTime: new Date('2025-04-01T00:00:00.000Z'),
  } satisfies DescribeEndpointConfigOutput);

  // Notebooks: one in eu-west-1, encrypted with a key of that region.
  sagemaker.on(ListNotebookInstancesCommand).callsFake(async (_input, getClient) => {
    const region = await getClient().config.region();
    const out: ListNotebookInstancesOutput = {
      NotebookInstances:
        region === 'eu-west-1'
          ? [{ NotebookInstanceName: 'nb-eu', NotebookInstanceArn: NB_ARN, NotebookInstanceStatus: 'InService', InstanceType: 'ml.t3.medium' }]
          : [],
    };
    return out;
  });
  sagemaker.on(DescribeNotebookInstanceCommand, { NotebookInstanceName: 'nb-eu' }).resolves({
    NotebookInstanceArn: NB_ARN,
    NotebookInstanceName: 'nb-eu',
    NotebookInstanceStatus: 'InService',
    InstanceType: 'ml.t3.medium',
    RoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/nb`,
    KmsKeyId: 'eu-key',
    DirectInternetAccess: 'Disabled',
    RootAccess: 'Disabled',
  } satisfies DescribeNotebookInstanceOutput);

  sagemaker.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [] });
  sagemaker.on(ListFeatureGroupsCommand).resolves({ FeatureGroupSummaries: [] });

  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
    const out: DescribeKeyResponse = {
      KeyMetadata: {
        AWSAccountId: ACCOUNT_ID,
        KeyId: input.KeyId.slice(input.KeyId.lastIndexOf('/') + 1),
        Arn: input.KeyId,
        KeyState: 'Enabled',
        KeyManager: 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
        Enabled: true,
      },
    };
    return out;
  });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
});

afterEach(() => {
  clients.destroy();
});

afterAll(() => {
  for (const m of mocks) m.restore();
});

describe('collectInventory', () => {
  it('collects the needed slices and their sources across regions, keeping one region when the other is denied', async () => {
    const inventory = await collectInventory({
      regions: ['us-east-1', 'eu-west-1'],
      needs: ['endpointConfigs', 'kmsKeys'],
      clients,
      now: () => NOW,
    });

    expect(inventory.account).toEqual({ id: ACCOUNT_ID });
    expect(inventory.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(inventory.collectedAt).toBe('2025-05-01T12:00:00.000Z');
    // kmsKeys pulls in the slices whose resources reference keys; nothing else is collected.
    expect(Object.keys(inventory.slices).sort()).toEqual(['domains', 'endpointConfigs', 'featureGroups', 'kmsKeys', 'notebookInstances', 'trainingJobs']);
    expect(sagemaker.commandCalls(ListEndpointsCommand)).toHaveLength(0);
    expect(iam.calls()).toHaveLength(0);

    const endpointConfigs = inventory.slices.endpointConfigs;
    expect(endpointConfigs?.items.map((c) => [c.arn, c.region])).toEqual([[EPC_ARN, 'us-east-1']]);
    expect(endpointConfigs?.errors).toEqual([
      {
        slice: 'endpointConfigs',
        region: 'eu-west-1',
        operation: 'ListEndpointConfigs',
        action: 'sagemaker:ListEndpointConfigs',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message: LIST_DENIED,
      },
    ]);
    expect(inventory.slices.notebookInstances?.items.map((n) => [n.arn, n.region])).toEqual([[NB_ARN, 'eu-west-1']]);

    expect(inventory.slices.kmsKeys?.errors).toEqual([]);
    expect(inventory.slices.kmsKeys?.items.map((k) => [k.arn, k.region, k.rotationEnabled])).toEqual([
      [EU_KEY_ARN, 'eu-west-1', true],
      [KEY_ARN, 'us-east-1', true],
    ]);

    // The training-job window is noted by each region's collector but reported once.
    const since = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();
    expect(inventory.notes).toEqual([`trainingJobs: only jobs created since ${since} (--since)`]);
  });

  it('lists training jobs from the --since date it is given', async () => {
    const since = new Date('2025-03-01T00:00:00.000Z');
    await collectInventory({ regions: ['us-east-1'], needs: ['trainingJobs'], clients, since, now: () => NOW });
    const calls = sagemaker.commandCalls(ListTrainingJobsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({ CreationTimeAfter: since, SortOrder: 'Descending' });
  });
});
