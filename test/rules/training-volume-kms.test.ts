import rule from '../../rules/training-volume-kms.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'VolumeKmsKeyId set',
      inventory: inventory({ trainingJobs: [trainingJob()] }),
    },
    {
      // ResourceConfig rejects VolumeKmsKeyId for instance types with local NVMe storage.
      name: 'NVMe instance types without a volume key are not applicable',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-pass-p4d',
            volumeKmsKeyId: undefined,
            instanceType: 'ml.p4d.24xlarge',
            instanceCount: 2,
          }),
          trainingJob({ name: 'tj-pass-g5', volumeKmsKeyId: undefined, instanceType: 'ml.g5.12xlarge' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no VolumeKmsKeyId on an EBS-backed type',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-volume-key', volumeKmsKeyId: undefined })],
      }),
      failures: [{ resource: 'tj-fail-no-volume-key', messageId: 'noVolumeKey' }],
    },
    {
      name: 'instance groups (no single instance type) without a key, and a failed job',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-fail-groups',
            volumeKmsKeyId: undefined,
            instanceType: undefined,
            usesInstanceGroups: true,
            instanceCount: 4,
          }),
          trainingJob({ name: 'tj-fail-failed-job', volumeKmsKeyId: undefined, status: 'Failed' }),
        ],
      }),
      failures: [
        { resource: 'tj-fail-groups', messageId: 'noVolumeKey' },
        { resource: sagemakerArn('training-job', 'tj-fail-failed-job'), messageId: 'noVolumeKey' },
      ],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied in one region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-no-volume-key', volumeKmsKeyId: undefined }),
          trainingJob({ name: 'tj-pass-west', region: OTHER_REGION }),
        ],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'tj-fail-no-volume-key', messageId: 'noVolumeKey' }],
    },
    {
      name: 'DescribeTrainingJob throttled for one job',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-volume-key', volumeKmsKeyId: undefined })],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
      failures: [{ resource: 'tj-fail-no-volume-key', messageId: 'noVolumeKey' }],
    },
  ],
});
