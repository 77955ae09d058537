import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  KMSServiceException,
  NotFoundException,
  type DescribeKeyResponse,
  type GetKeyRotationStatusResponse,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { kmsKeysCollector, toKmsKey } from '../../src/inventory/collectors/kms-keys.js';
import type { EndpointConfig, FeatureGroup, NotebookInstance, Slices, TrainingJob } from '../../src/inventory/model.js';
import { domain } from '../support/builders-workspaces.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const kms = mockClient(KMSClient);
beforeEach(() => {
  kms.reset();
});
afterAll(() => {
  kms.restore();
});

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/${KEY_ID}`;
const ALIAS_ARN = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/ml-data`;
const ALIAS_V2_ARN = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/ml-data-v2`;
const AWS_KEY_ID = '0987dcba-09fe-87dc-65ba-ab0987654321';
const AWS_KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/${AWS_KEY_ID}`;
const EU_KEY_ID = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const EU_KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/${EU_KEY_ID}`;

function customerKey(keyId: string, arn: string, extra: Partial<KeyMetadata> = {}): KeyMetadata {
  return {
    AWSAccountId: ACCOUNT_ID,
    KeyId: keyId,
    Arn: arn,
    CreationDate: new Date('2024-06-01T00:00:00.000Z'),
    Enabled: true,
    Description: 'SageMaker data',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    ...extra,
  };
}

const awsManagedKey: KeyMetadata = {
  ...customerKey(AWS_KEY_ID, AWS_KEY_ARN),
  Description: 'Default key that protects my SageMaker data when no other key is defined',
  KeyManager: 'AWS',
};

const rotation = (keyArn: string, enabled: boolean): GetKeyRotationStatusResponse => ({
  KeyRotationEnabled: enabled,
  KeyId: keyArn,
  ...(enabled ? { RotationPeriodInDays: 365, NextRotationDate: new Date('2026-06-01T00:00:00.000Z') } : {}),
});

/** DescribeKey answers by KeyId (any form KMS accepts) and records the region of the client that asked. */
function serveKeys(byKeyId: Record<string, KeyMetadata | Error>): { describeCalls: { keyId: string; region: string }[] } {
  const describeCalls: { keyId: string; region: string }[] = [];
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }, getClient) => {
    describeCalls.push({ keyId: input.KeyId, region: await getClient().config.region() });
    const answer = byKeyId[input.KeyId];
    if (answer instanceof Error) throw answer;
    if (!answer) throw new NotFoundException({ message: `Key '${input.KeyId}' does not exist`, $metadata: { httpStatusCode: 400 } });
    const out: DescribeKeyResponse = { KeyMetadata: answer };
    return out;
  });
  return { describeCalls };
}

const base = { region: 'us-east-1', resourceType: 'x', tags: {} };
const endpointConfig = (name: string, over: Partial<EndpointConfig>): EndpointConfig => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:endpoint-config/${name}`,
  name,
  creationTime: '2025-01-01T00:00:00.000Z',
  variants: [],
  shadowVariantCount: 0,
  clarifyExplainer: false,
  ...over,
});
const notebook = (name: string, over: Partial<NotebookInstance>): NotebookInstance => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:notebook-instance/${name}`,
  name,
  status: 'InService',
  directInternetAccess: false,
  rootAccess: false,
  securityGroups: [],
  ...over,
});
const trainingJob = (name: string, over: Partial<TrainingJob>): TrainingJob => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:training-job/${name}`,
  name,
  status: 'Completed',
  creationTime: '2025-01-01T00:00:00.000Z',
  networkIsolation: true,
  interContainerEncryption: true,
  instanceCount: 1,
  usesInstanceGroups: false,
  managedSpot: false,
  debugHook: false,
  debugRuleCount: 0,
  profilerEnabled: false,
  ...over,
});
const featureGroup = (name: string, over: Partial<FeatureGroup>): FeatureGroup => ({
  ...base,
  arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:feature-group/${name}`,
  name,
  status: 'Created',
  creationTime: '2025-01-01T00:00:00.000Z',
  ...over,
});
const slice = <T>(items: T[]) => ({ items, errors: [] });

describe('toKmsKey', () => {
  it('maps key metadata, adding the key ARN to its references', () => {
    expect(
      toKmsKey({ KeyMetadata: customerKey(KEY_ID, KEY_ARN) }, 'us-east-1', { references: [ALIAS_ARN], rotationEnabled: true }),
    ).toEqual({
      arn: KEY_ARN,
      name: KEY_ID,
      region: 'us-east-1',
      resourceType: 'AWS::KMS::Key',
      tags: {},
      keyId: KEY_ID,
      manager: 'CUSTOMER',
      state: 'Enabled',
      keySpec: 'SYMMETRIC_DEFAULT',
      rotationEnabled: true,
      references: [ALIAS_ARN, KEY_ARN],
    });
  });

  it('takes the region from the key ARN, and leaves rotation undefined when not given', () => {
    const key = toKmsKey({ KeyMetadata: customerKey(EU_KEY_ID, EU_KEY_ARN) }, 'us-east-1');
    expect(key.region).toBe('eu-west-1');
    expect(key).not.toHaveProperty('rotationEnabled');
  });
});

describe('kmsKeysCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(kmsKeysCollector.operations).toEqual(['kms:DescribeKey', 'kms:GetKeyRotationStatus']);
  });

  it('merges aliases, a bare key id and a key ARN that resolve to one key: one item, one rotation call', async () => {
    const { describeCalls } = serveKeys({
      [ALIAS_ARN]: customerKey(KEY_ID, KEY_ARN),
      [ALIAS_V2_ARN]: customerKey(KEY_ID, KEY_ARN),
      [KEY_ARN]: customerKey(KEY_ID, KEY_ARN),
    });
    kms.on(GetKeyRotationStatusCommand, { KeyId: KEY_ARN }).resolves(rotation(KEY_ARN, true));
    const sources: Partial<Slices> = {
      endpointConfigs: slice([endpointConfig('epc-1', { kmsKeyId: 'alias/ml-data', dataCapture: { enabled: true, samplingPercentage: 100, captureInput: true, captureOutput: true, kmsKeyId: KEY_ID } })]),
      notebookInstances: slice([notebook('nb-1', { kmsKeyId: KEY_ID })]),
      trainingJobs: slice([trainingJob('job-1', { volumeKmsKeyId: KEY_ARN, outputKmsKeyId: ALIAS_ARN })]),
      featureGroups: slice([featureGroup('fg-1', { offlineStore: { kmsKeyId: 'alias/ml-data' }, onlineStore: { enabled: true, kmsKeyId: 'alias/ml-data-v2' } })]),
    };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], sources);

    expect(result.errors).toEqual([]);
    expect(result.items).toEqual([
      {
        arn: KEY_ARN,
        name: KEY_ID,
        region: 'us-east-1',
        resourceType: 'AWS::KMS::Key',
        tags: {},
        keyId: KEY_ID,
        manager: 'CUSTOMER',
        state: 'Enabled',
        keySpec: 'SYMMETRIC_DEFAULT',
        rotationEnabled: true,
        references: [ALIAS_ARN, ALIAS_V2_ARN, KEY_ARN],
      },
    ]);
    // The bare key id canonicalises to the key ARN, so only three distinct references are described.
    expect(describeCalls.map((c) => c.keyId).sort()).toEqual([ALIAS_ARN, ALIAS_V2_ARN, KEY_ARN]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(1);
  });

  it('reads references from every source field, including async output keys', async () => {
    const { describeCalls } = serveKeys({});
    const sources: Partial<Slices> = {
      endpointConfigs: slice([endpointConfig('epc-async', { asyncInference: { outputKmsKeyId: 'alias/async-out' } })]),
    };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], sources);
    expect(describeCalls).toEqual([{ keyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/async-out`, region: 'us-east-1' }]);
    expect(result.errors.map((e) => e.resourceArn)).toEqual([`arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/async-out`]);
  });

  it('reads the key of a Studio domain, so its key manager is known', async () => {
    const { describeCalls } = serveKeys({ [`arn:aws:kms:eu-west-1:${ACCOUNT_ID}:alias/studio`]: customerKey(EU_KEY_ID, EU_KEY_ARN) });
    kms.on(GetKeyRotationStatusCommand).resolves(rotation(EU_KEY_ARN, true));
    const sources: Partial<Slices> = { domains: slice([domain({ region: 'eu-west-1', kmsKeyId: 'alias/studio' })]) };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['eu-west-1'], sources);
    expect(describeCalls).toEqual([{ keyId: `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:alias/studio`, region: 'eu-west-1' }]);
    expect(result.errors).toEqual([]);
    expect(result.items.map((k) => [k.arn, k.manager])).toEqual([[EU_KEY_ARN, 'CUSTOMER']]);
  });

  it('does not ask rotation status of AWS-managed, asymmetric or imported keys', async () => {
    const rsaArn = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/rsa-key`;
    const importedArn = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/imported-key`;
    serveKeys({
      [`arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/aws/sagemaker`]: awsManagedKey,
      [rsaArn]: customerKey('rsa-key', rsaArn, { KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', EncryptionAlgorithms: ['RSAES_OAEP_SHA_256'] }),
      [importedArn]: customerKey('imported-key', importedArn, { Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }),
    });
    const sources: Partial<Slices> = {
      notebookInstances: slice([notebook('nb-aws', { kmsKeyId: 'alias/aws/sagemaker' }), notebook('nb-rsa', { kmsKeyId: 'rsa-key' })]),
      trainingJobs: slice([trainingJob('job-imported', { volumeKmsKeyId: importedArn })]),
    };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], sources);

    expect(result.errors).toEqual([]);
    expect(kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
    expect(result.items.map((k) => [k.arn, k.manager, k.rotationEnabled])).toEqual([
      [AWS_KEY_ARN, 'AWS', undefined],
      [importedArn, 'CUSTOMER', undefined],
      [rsaArn, 'CUSTOMER', undefined],
    ]);
    expect(result.items[0]?.references).toEqual([`arn:aws:kms:us-east-1:${ACCOUNT_ID}:alias/aws/sagemaker`, AWS_KEY_ARN]);
  });

  it('describes a key in the region its ARN names, and a bare reference in the region of the resource', async () => {
    const { describeCalls } = serveKeys({
      [EU_KEY_ARN]: customerKey(EU_KEY_ID, EU_KEY_ARN, { MultiRegion: true }),
      [`arn:aws:kms:eu-west-1:${ACCOUNT_ID}:alias/eu-data`]: customerKey(EU_KEY_ID, EU_KEY_ARN, { MultiRegion: true }),
    });
    kms.on(GetKeyRotationStatusCommand).callsFake(async (input: { KeyId: string }, getClient) => {
      expect(await getClient().config.region()).toBe('eu-west-1');
      return rotation(input.KeyId, false);
    });
    const sources: Partial<Slices> = {
      // A us-east-1 resource pointing at a key ARN in eu-west-1, and an eu-west-1 resource using an alias.
      trainingJobs: slice([trainingJob('job-us', { outputKmsKeyId: EU_KEY_ARN })]),
      notebookInstances: slice([notebook('nb-eu', { region: 'eu-west-1', kmsKeyId: 'alias/eu-data' })]),
    };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1', 'eu-west-1'], sources);

    expect(describeCalls.every((c) => c.region === 'eu-west-1')).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ arn: EU_KEY_ARN, region: 'eu-west-1', rotationEnabled: false });
  });

  it('records a denied DescribeKey against the canonical reference ARN', async () => {
    const aliasArn = `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:alias/locked`;
    const message = notAuthorized('kms:DescribeKey', aliasArn);
    serveKeys({ [aliasArn]: serviceError(KMSServiceException, 'AccessDeniedException', message) });
    const sources: Partial<Slices> = {
      endpointConfigs: slice([endpointConfig('epc-eu', { region: 'eu-west-1', kmsKeyId: 'alias/locked' })]),
    };
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['eu-west-1'], sources);

    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([
      {
        slice: 'kmsKeys',
        region: 'eu-west-1',
        operation: 'DescribeKey',
        action: 'kms:DescribeKey',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: aliasArn,
      },
    ]);
  });

  it('records a reference to a deleted key as a NotFoundException error, not a silent skip', async () => {
    const goneArn = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/deleted-key`;
    serveKeys({});
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], {
      notebookInstances: slice([notebook('nb-orphan', { kmsKeyId: 'deleted-key' })]),
    });
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([
      {
        slice: 'kmsKeys',
        region: 'us-east-1',
        operation: 'DescribeKey',
        action: 'kms:DescribeKey',
        kind: 'api-error',
        code: 'NotFoundException',
        message: `Key '${goneArn}' does not exist`,
        resourceArn: goneArn,
      },
    ]);
  });

  it('leaves a key out when its rotation status cannot be read, with the error on the key and its references', async () => {
    serveKeys({ [ALIAS_ARN]: customerKey(KEY_ID, KEY_ARN) });
    const message = notAuthorized('kms:GetKeyRotationStatus', KEY_ARN);
    kms.on(GetKeyRotationStatusCommand).rejects(serviceError(KMSServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], {
      endpointConfigs: slice([endpointConfig('epc-1', { kmsKeyId: 'alias/ml-data' })]),
    });

    expect(result.items).toEqual([]);
    const expected = {
      slice: 'kmsKeys',
      region: 'us-east-1',
      operation: 'GetKeyRotationStatus',
      action: 'kms:GetKeyRotationStatus',
      kind: 'access-denied',
      code: 'AccessDeniedException',
      message,
    };
    expect(result.errors).toEqual([
      { ...expected, resourceArn: ALIAS_ARN },
      { ...expected, resourceArn: KEY_ARN },
    ]);
  });

  it('stops with the abort reason when the scan is cancelled, rather than recording errors', async () => {
    serveKeys({ [KEY_ARN]: customerKey(KEY_ID, KEY_ARN) });
    const controller = new AbortController();
    controller.abort();
    const { ctx } = collectorContext({ signal: controller.signal });
    await expect(
      kmsKeysCollector.collect(ctx, ['us-east-1'], { notebookInstances: slice([notebook('nb-1', { kmsKeyId: KEY_ID })]) }),
    ).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(kms.calls()).toHaveLength(0);
  });

  it('makes no call when no resource references a key', async () => {
    const { ctx } = collectorContext();
    const result = await kmsKeysCollector.collect(ctx, ['us-east-1'], { notebookInstances: slice([notebook('nb-default', {})]) });
    expect(result).toEqual({ items: [], errors: [] });
    expect(kms.calls()).toHaveLength(0);
  });
});
