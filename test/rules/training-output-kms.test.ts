import rule from '../../rules/training-output-kms.js';
import {
  describeError,
  inventory,
  KEY_ID,
  listError,
  OTHER_REGION,
  sagemakerArn,
  trainingJob,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'OutputDataConfig.KmsKeyId set by ARN',
      inventory: inventory({ trainingJobs: [trainingJob()] }),
    },
    {
      name: 'set by key id or alias',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-key-id', outputKmsKeyId: KEY_ID }),
          trainingJob({ name: 'tj-pass-alias', outputKmsKeyId: 'alias/ml-artifacts' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no output key',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-output-key', outputKmsKeyId: undefined })],
      }),
      failures: [{ resource: 'tj-fail-no-output-key', messageId: 'noOutputKey' }],
    },
    {
      name: 'no output key in another region, even on NVMe instances',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-fail-west',
            region: OTHER_REGION,
            outputKmsKeyId: undefined,
            instanceType: 'ml.p4d.24xlarge',
          }),
        ],
      }),
      failures: [{ resource: 'tj-fail-west', messageId: 'noOutputKey' }],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied in the region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-output-key', outputKmsKeyId: undefined })],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'tj-fail-no-output-key', messageId: 'noOutputKey' }],
    },
    {
      name: 'DescribeTrainingJob failed for one job',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
    },
  ],
});
