import { DescribeAlarmsCommand, CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { GetRoleCommand, IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  paginateGetResources,
  type ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  DescribeTrainingJobCommand,
  ListClustersCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
  paginateListTrainingJobs,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAwsServer, parseRateRules, rateRuleFor, type FakeAwsServer } from '../../bench/fake-aws-server.js';
import { lowerBound } from '../../bench/lower-bound.js';

const credentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' };
const region = 'us-east-1';

let server: FakeAwsServer;
const config = () => ({ region, credentials, endpoint: server.url, maxAttempts: 1 });

beforeAll(async () => {
  server = await startFakeAwsServer({ resources: 500, latencyMs: 0, rateRules: [] });
});
afterAll(async () => {
  await server.close();
});

describe('fake AWS server: wire protocols through the real SDK clients', () => {
  it('pages a SageMaker List (awsJson1_1) by MaxResults and NextToken, newest first', async () => {
    const client = new SageMakerClient(config());
    const first = await client.send(new ListTrainingJobsCommand({ MaxResults: 7 }));
    expect(first.TrainingJobSummaries).toHaveLength(7);
    expect(first.NextToken).toBeDefined();
    expect(first.TrainingJobSummaries?.[0]?.CreationTime).toBeInstanceOf(Date);
    const names: string[] = [];
    for await (const page of paginateListTrainingJobs({ client, pageSize: 100 }, {})) {
      names.push(...(page.TrainingJobSummaries ?? []).map((s) => s.TrainingJobName ?? ''));
    }
    expect(names).toHaveLength(server.estate(region).counts.trainingJobs);
    expect(new Set(names).size).toBe(names.length);
    client.destroy();
  });

  it('honours CreationTimeAfter', async () => {
    const client = new SageMakerClient(config());
    const all = await client.send(new ListTrainingJobsCommand({ MaxResults: 100 }));
    const cut = all.TrainingJobSummaries?.[9]?.CreationTime;
    const after = await client.send(new ListTrainingJobsCommand({ MaxResults: 100, CreationTimeAfter: cut }));
    expect(after.TrainingJobSummaries).toHaveLength(9);
    client.destroy();
  });

  it('describes a listed resource with every field the SDK types', async () => {
    const client = new SageMakerClient(config());
    const out = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'train-000042' }));
    expect(out.TrainingJobArn).toBe(`arn:aws:sagemaker:${region}:123456789012:training-job/train-000042`);
    expect(out.CreationTime).toBeInstanceOf(Date);
    expect(out.ResourceConfig?.VolumeSizeInGB).toBe(50);
    await expect(client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'train-999999' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    client.destroy();
  });

  it('answers STS and IAM in the query protocol (XML), with Marker paging', async () => {
    const sts = new STSClient(config());
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    const iam = new IAMClient(config());
    const roles: string[] = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, {})) {
      roles.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ''));
    }
    expect(roles).toHaveLength(server.estate(region).roles.length);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'sagemaker-exec-1' }));
    expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toContain('sagemaker.amazonaws.com');
    expect(role.Role?.CreateDate).toBeInstanceOf(Date);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'nobody' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    sts.destroy();
    iam.destroy();
  });

  it('resolves KMS aliases (awsJson1_1) and answers CloudWatch (awsJson1_0, query-compatible)', async () => {
    const kms = new KMSClient(config());
    const key = server.estate(region).keys[2];
    const out = await kms.send(new DescribeKeyCommand({ KeyId: key?.alias }));
    expect(out.KeyMetadata?.Arn).toBe(key?.arn);
    const cw = new CloudWatchClient(config());
    expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
    kms.destroy();
    cw.destroy();
  });

  it('serves the estate’s tags in bulk with GetResources (awsJson1_1), as ListTags serves them one by one', async () => {
    const tagging = new ResourceGroupsTaggingAPIClient(config());
    const filters = ['sagemaker:endpoint', 'sagemaker:notebook-instance', 'sagemaker:model', 'sagemaker:feature-group'];
    const mappings: ResourceTagMapping[] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of paginateGetResources({ client: tagging, pageSize: 100 }, { ResourceTypeFilters: filters })) {
      expect(page.ResourceTagMappingList?.length).toBeLessThanOrEqual(100);
      mappings.push(...(page.ResourceTagMappingList ?? []));
      tokens.push(page.PaginationToken);
    }
    const { counts } = server.estate(region);
    const total = counts.endpoints + counts.notebookInstances + counts.models + counts.featureGroups;
    expect(mappings).toHaveLength(total);
    expect(new Set(mappings.map((m) => m.ResourceARN)).size).toBe(total);
    expect(tokens).toHaveLength(Math.ceil(total / 100));
    // The last page ends with an empty token, as AWS answers (the SDK's paginator stops on it).
    expect(tokens.at(-1)).toBe('');
    const sagemaker = new SageMakerClient(config());
    for (const m of [mappings[0], mappings.at(-1)]) {
      const one = await sagemaker.send(new ListTagsCommand({ ResourceArn: m?.ResourceARN }));
      expect(m?.Tags).toEqual(one.Tags);
    }
    // One type only, and the page size AWS allows (1 to 100).
    const endpoints = await tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ['sagemaker:endpoint'], ResourcesPerPage: 100 }));
    expect(endpoints.ResourceTagMappingList).toHaveLength(counts.endpoints);
    expect(endpoints.ResourceTagMappingList?.every((m) => m.ResourceARN?.includes(':endpoint/'))).toBe(true);
    await expect(tagging.send(new GetResourcesCommand({ ResourcesPerPage: 101 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    expect(server.requests.at(-1)).toMatchObject({ service: 'tag', operation: 'GetResources', status: 400 });
    tagging.destroy();
    sagemaker.destroy();
  });

  it('refuses GetResources with AccessDeniedException and throttles it with ThrottledException', async () => {
    const limited = await startFakeAwsServer({ resources: 50, latencyMs: 0 });
    try {
      const tagging = new ResourceGroupsTaggingAPIClient({ region, credentials, endpoint: limited.url, maxAttempts: 1 });
      const input = { ResourceTypeFilters: ['sagemaker:model'], ResourcesPerPage: 100 };
      // The default rate rules allow 5 a second, with a burst of 5.
      const answers = await Promise.allSettled(Array.from({ length: 6 }, () => tagging.send(new GetResourcesCommand(input))));
      expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(5);
      expect(answers.find((a) => a.status === 'rejected')).toMatchObject({ reason: { name: 'ThrottledException' } });
      limited.setFaults([{ operation: 'tag:GetResources', fault: { kind: 'access-denied' } }]);
      await expect(tagging.send(new GetResourcesCommand(input))).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('tag:GetResources'),
        $metadata: { httpStatusCode: 400 },
      });
      tagging.destroy();
    } finally {
      await limited.close();
    }
  });

  it('answers an operation it does not have with the protocol’s unknown-operation error, never success', async () => {
    const client = new SageMakerClient(config());
    await expect(client.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: 'UnknownOperationException' });
    expect(server.requests.at(-1)).toMatchObject({ operation: 'ListClusters', unknown: true, status: 400 });
    client.destroy();
  });
});

describe('fake AWS server: rate limits', () => {
  it('throttles over-limit calls with ThrottlingException, and the SDK retries them to success', async () => {
    const limited = await startFakeAwsServer({
      resources: 50,
      latencyMs: 0,
      rateRules: parseRateRules('DescribeTrainingJob=20:2'),
    });
    try {
      const client = new SageMakerClient({ region, credentials, endpoint: limited.url, maxAttempts: 10, retryMode: 'standard' });
      const names = Array.from({ length: 6 }, (_, i) => `train-${String(i).padStart(6, '0')}`);
      const out = await Promise.all(names.map((n) => client.send(new DescribeTrainingJobCommand({ TrainingJobName: n }))));
      expect(out.map((o) => o.TrainingJobName)).toEqual(names);
      const throttled = limited.requests.filter((r) => r.throttled);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled[0]?.status).toBe(400);
      client.destroy();
    } finally {
      await limited.close();
    }
  });

  it('answers query-protocol throttling with the Throttling code the SDK classifies', async () => {
    const limited = await startFakeAwsServer({ resources: 10, latencyMs: 0, rateRules: parseRateRules('iam:GetRole=1:1') });
    try {
      const iam = new IAMClient({ region, credentials, endpoint: limited.url, maxAttempts: 1 });
      await iam.send(new GetRoleCommand({ RoleName: 'sagemaker-exec-0' }));
      await expect(iam.send(new GetRoleCommand({ RoleName: 'sagemaker-exec-0' }))).rejects.toMatchObject({ name: 'Throttling' });
      iam.destroy();
    } finally {
      await limited.close();
    }
  });

  it('picks the first matching rule, service-qualified or not', () => {
    const rules = parseRateRules('ListTags=10:10,iam:List*=5,List*=2:2,*=off');
    expect(rateRuleFor(rules, 'sagemaker', 'ListTags')?.rate).toBe(10);
    expect(rateRuleFor(rules, 'iam', 'ListRoles')).toMatchObject({ rate: 5, burst: 5 });
    expect(rateRuleFor(rules, 'sagemaker', 'ListTrainingJobs')).toMatchObject({ rate: 2, burst: 2 });
    expect(rateRuleFor(rules, 'kms', 'DescribeKey')?.rate).toBe(0);
    expect(() => parseRateRules('List*')).toThrow(/PATTERN=RATE/);
  });

  it('bounds a scan by its slowest bucket, with a Describe pipelined behind its List pages', () => {
    const bound = lowerBound({
      calls: { 'sagemaker:ListTrainingJobs': 10, 'sagemaker:DescribeTrainingJob': 1000, 'sts:GetCallerIdentity': 1 },
      rules: parseRateRules('List*=2:2,*=10:10'),
      latencyMs: 20,
    });
    // 990 calls beyond the burst at 10/s, after the first page arrives, plus one round trip.
    expect(bound.seconds).toBeGreaterThan(99);
    expect(bound.seconds).toBeLessThan(100);
    expect(bound.binding.what).toContain('DescribeTrainingJob');
  });
});
