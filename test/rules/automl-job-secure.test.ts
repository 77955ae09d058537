import { describe, expect, it } from 'vitest';
import rule from '../../rules/automl-job-secure.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, kmsKeyArn, listError, sagemakerArn } from '../support/builders.js';
import { autoMlJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

const vpc = { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroupIds: ['sg-0123456789abcdef0'] };

runRuleTests(rule, {
  valid: [
    { name: 'a full SecurityConfig', inventory: inventory({ autoMlJobs: [autoMlJob()] }) },
    {
      name: 'a failed job with a full SecurityConfig and no output key (the output key is not part of this check)',
      inventory: inventory({ autoMlJobs: [autoMlJob({ name: 'automl-pass-failed', status: 'Failed', outputKmsKeyId: undefined })] }),
    },
  ],
  invalid: [
    {
      name: 'each missing SecurityConfig control',
      inventory: inventory({
        autoMlJobs: [
          autoMlJob(),
          autoMlJob({ name: 'automl-fail-no-key', securityConfig: { interContainerEncryption: true, vpc } }),
          autoMlJob({
            name: 'automl-fail-no-ice',
            securityConfig: { interContainerEncryption: false, volumeKmsKeyId: kmsKeyArn(), vpc },
          }),
          autoMlJob({ name: 'automl-fail-no-vpc', securityConfig: { interContainerEncryption: true, volumeKmsKeyId: kmsKeyArn() } }),
          autoMlJob({
            name: 'automl-fail-empty-subnets',
            securityConfig: { interContainerEncryption: true, volumeKmsKeyId: kmsKeyArn(), vpc: { subnets: [], securityGroupIds: [] } },
          }),
        ],
      }),
      failures: [
        { resource: 'automl-fail-no-key', messageId: 'insecure' },
        { resource: 'automl-fail-no-ice', messageId: 'insecure' },
        { resource: 'automl-fail-no-vpc', messageId: 'insecure' },
        { resource: 'automl-fail-empty-subnets', messageId: 'insecure' },
      ],
    },
    {
      // DescribeAutoMLJobV2 omits SecurityConfig for a job created without one: the collector normalises it to all off.
      name: 'no SecurityConfig at all',
      inventory: inventory({ autoMlJobs: [autoMlJob({ name: 'automl-fail-canvas-default', securityConfig: { interContainerEncryption: false } })] }),
      failures: [{ resource: 'automl-fail-canvas-default', messageId: 'insecure' }],
    },
  ],
  error: [
    {
      name: 'ListAutoMLJobs denied: the scope is ERROR',
      inventory: inventory({ autoMlJobs: [autoMlJob()], errors: [listError('autoMlJobs')] }),
      errors: ['autoMlJobs (us-east-1)'],
    },
    {
      name: 'DescribeAutoMLJobV2 failed for one job',
      inventory: inventory({
        autoMlJobs: [autoMlJob()],
        errors: [describeError('autoMlJobs', sagemakerArn('automl-job', 'automl-unreadable'))],
      }),
      errors: ['automl-unreadable'],
    },
  ],
});

describe('rule automl-job-secure messages', () => {
  it('names every missing control', () => {
    const inv = inventory({ autoMlJobs: [autoMlJob({ name: 'automl-bare', securityConfig: { interContainerEncryption: false } })] });
    const [finding] = evaluateRules([rule], inv);
    expect(finding?.message).toBe(
      'AutoML job automl-bare runs without a volume KMS key, inter-container traffic encryption, a VPC.',
    );
    expect(finding?.evidence).toEqual({
      VolumeKmsKeyId: null,
      EnableInterContainerTrafficEncryption: false,
      Subnets: [],
      OutputKmsKeyId: kmsKeyArn(),
    });
  });
});
