import rule from '../../rules/training-network-isolation.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'EnableNetworkIsolation true',
      inventory: inventory({ trainingJobs: [trainingJob()] }),
    },
    {
      name: 'isolated jobs in two regions, including one without a VPC',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-pass-west-no-vpc', region: OTHER_REGION, vpc: undefined }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'EnableNetworkIsolation false',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-isolation', networkIsolation: false })],
      }),
      failures: [{ resource: 'tj-fail-no-isolation', messageId: 'isolationDisabled' }],
    },
    {
      name: 'not isolated even though it runs in a VPC',
      inventory: inventory({
        trainingJobs: [trainingJob({ name: 'tj-fail-vpc-not-isolated', networkIsolation: false })],
      }),
      failures: [
        { resource: sagemakerArn('training-job', 'tj-fail-vpc-not-isolated'), messageId: 'isolationDisabled' },
      ],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied in the region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-east', networkIsolation: false }),
          trainingJob({ name: 'tj-fail-west', region: OTHER_REGION, networkIsolation: false }),
        ],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [
        { resource: 'tj-fail-east', messageId: 'isolationDisabled' },
        { resource: 'tj-fail-west', messageId: 'isolationDisabled' },
      ],
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
