import rule from '../../rules/transform-job-kms.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { transformJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'volume and output keys set', inventory: inventory({ transformJobs: [transformJob()] }) },
    {
      name: 'NVMe instance storage cannot take a volume key',
      inventory: inventory({
        transformJobs: [transformJob({ name: 'tf-pass-nvme', volumeKmsKeyId: undefined, instanceType: 'ml.g4dn.xlarge' })],
      }),
    },
    {
      name: 'a transform job launched by AutoML follows the AutoML job and is not judged',
      inventory: inventory({
        transformJobs: [
          transformJob(),
          transformJob({
            name: 'automl-churn-candidate-3-transform',
            volumeKmsKeyId: undefined,
            outputKmsKeyId: undefined,
            autoMlJobArn: sagemakerArn('automl-job', 'automl-pass'),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing volume key, output key, or both',
      inventory: inventory({
        transformJobs: [
          transformJob(),
          transformJob({ name: 'tf-fail-no-volume-key', volumeKmsKeyId: undefined }),
          transformJob({ name: 'tf-fail-no-output-key', outputKmsKeyId: undefined }),
          transformJob({ name: 'tf-fail-no-keys', volumeKmsKeyId: undefined, outputKmsKeyId: undefined, region: OTHER_REGION }),
        ],
      }),
      failures: [
        { resource: 'tf-fail-no-volume-key', messageId: 'noVolumeKey' },
        { resource: 'tf-fail-no-output-key', messageId: 'noOutputKey' },
        { resource: 'tf-fail-no-keys', messageId: 'noKeys' },
      ],
    },
    {
      name: 'an NVMe job still needs its output key',
      inventory: inventory({
        transformJobs: [
          transformJob({ name: 'tf-fail-nvme-no-output', volumeKmsKeyId: undefined, instanceType: 'ml.g4dn.xlarge', outputKmsKeyId: undefined }),
        ],
      }),
      failures: [{ resource: 'tf-fail-nvme-no-output', messageId: 'noOutputKey' }],
    },
  ],
  error: [
    {
      name: 'ListTransformJobs denied: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        transformJobs: [transformJob(), transformJob({ name: 'tf-fail-no-keys', volumeKmsKeyId: undefined, outputKmsKeyId: undefined })],
        errors: [listError('transformJobs')],
      }),
      errors: ['transformJobs (us-east-1)'],
      failures: [{ resource: 'tf-fail-no-keys', messageId: 'noKeys' }],
    },
    {
      name: 'DescribeTransformJob failed for one job',
      inventory: inventory({
        transformJobs: [transformJob()],
        errors: [describeError('transformJobs', sagemakerArn('transform-job', 'tf-unreadable'))],
      }),
      errors: ['tf-unreadable'],
    },
  ],
});
