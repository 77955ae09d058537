import { describe, expect, it } from 'vitest';
import rule from '../../rules/hpo-training-def-secure.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { PYTORCH_IMAGE, tuningDefinition, tuningJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a fully protected definition', inventory: inventory({ tuningJobs: [tuningJob()] }) },
    {
      name: 'single instance without inter-container encryption; NVMe types without a volume key',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-single', trainingDefinitions: [tuningDefinition({ interContainerEncryption: false })] }),
          tuningJob({
            name: 'hpo-pass-nvme',
            trainingDefinitions: [
              tuningDefinition({ volumeKmsKeyId: undefined, instanceTypes: ['ml.g5.2xlarge', 'ml.g5.4xlarge'], instanceCount: 2 }),
            ],
          }),
        ],
      }),
    },
    {
      name: 'several protected definitions',
      inventory: inventory({
        tuningJobs: [
          tuningJob({
            name: 'hpo-pass-multi',
            trainingDefinitions: [tuningDefinition({ name: 'xgb' }), tuningDefinition({ name: 'torch', trainingImage: PYTORCH_IMAGE })],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'each missing control fails the tuning job',
      inventory: inventory({
        tuningJobs: [
          tuningJob(),
          tuningJob({ name: 'hpo-fail-volume', trainingDefinitions: [tuningDefinition({ volumeKmsKeyId: undefined })] }),
          tuningJob({ name: 'hpo-fail-output', trainingDefinitions: [tuningDefinition({ outputKmsKeyId: undefined })] }),
          tuningJob({ name: 'hpo-fail-isolation', trainingDefinitions: [tuningDefinition({ networkIsolation: false })] }),
          tuningJob({
            name: 'hpo-fail-ice',
            trainingDefinitions: [tuningDefinition({ instanceCount: 4, interContainerEncryption: false })],
          }),
          tuningJob({ name: 'hpo-fail-no-vpc', trainingDefinitions: [tuningDefinition({ vpc: undefined })] }),
          tuningJob({
            name: 'hpo-fail-empty-subnets',
            trainingDefinitions: [tuningDefinition({ vpc: { subnets: [], securityGroupIds: ['sg-0123456789abcdef0'] } })],
          }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-volume', messageId: 'insecureDefinition' },
        { resource: 'hpo-fail-output', messageId: 'insecureDefinition' },
        { resource: 'hpo-fail-isolation', messageId: 'insecureDefinition' },
        { resource: 'hpo-fail-ice', messageId: 'insecureDefinition' },
        { resource: 'hpo-fail-no-vpc', messageId: 'insecureDefinition' },
        { resource: 'hpo-fail-empty-subnets', messageId: 'insecureDefinition' },
      ],
    },
    {
      name: 'one weak definition among several',
      inventory: inventory({
        tuningJobs: [
          tuningJob({
            name: 'hpo-fail-one-of-two',
            trainingDefinitions: [
              tuningDefinition({ name: 'xgb' }),
              tuningDefinition({ name: 'torch', trainingImage: PYTORCH_IMAGE, networkIsolation: false }),
            ],
          }),
        ],
      }),
      failures: [{ resource: 'hpo-fail-one-of-two', messageId: 'insecureDefinition' }],
    },
  ],
  error: [
    {
      name: 'ListHyperParameterTuningJobs denied: the scope is ERROR',
      inventory: inventory({ tuningJobs: [tuningJob()], errors: [listError('tuningJobs')] }),
      errors: ['tuningJobs (us-east-1)'],
    },
    {
      name: 'DescribeHyperParameterTuningJob failed for one job',
      inventory: inventory({
        tuningJobs: [tuningJob()],
        errors: [describeError('tuningJobs', sagemakerArn('hyper-parameter-tuning-job', 'hpo-unreadable'))],
      }),
      errors: ['hpo-unreadable'],
    },
    {
      name: 'a tuning job described without any training definition',
      inventory: inventory({ tuningJobs: [tuningJob({ name: 'hpo-error-no-definition', trainingDefinitions: [] })] }),
      errors: ['hpo-error-no-definition'],
    },
  ],
});

describe('rule hpo-training-def-secure messages', () => {
  it('names every missing control, per definition when there are several', () => {
    const inv = inventory({
      tuningJobs: [
        tuningJob({
          name: 'hpo-all-missing',
          trainingDefinitions: [
            tuningDefinition({
              volumeKmsKeyId: undefined,
              outputKmsKeyId: undefined,
              networkIsolation: false,
              interContainerEncryption: false,
              instanceCount: 2,
              vpc: undefined,
            }),
          ],
        }),
        tuningJob({
          name: 'hpo-two-weak',
          trainingDefinitions: [
            tuningDefinition({ name: 'xgb', outputKmsKeyId: undefined }),
            tuningDefinition({ name: 'ok' }),
            tuningDefinition({ name: 'torch', trainingImage: PYTORCH_IMAGE, vpc: undefined, networkIsolation: false }),
          ],
        }),
      ],
    });
    expect(evaluateRules([rule], inv).map((f) => f.message)).toEqual([
      'Tuning job hpo-all-missing launches training jobs without a volume KMS key, an output KMS key, network isolation, ' +
        'inter-container traffic encryption, a VPC.',
      'Tuning job hpo-two-weak launches training jobs without an output KMS key (xgb); network isolation, a VPC (torch).',
    ]);
  });
});
