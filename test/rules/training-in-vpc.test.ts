import rule from '../../rules/training-in-vpc.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'VpcConfig with subnets', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'VPC jobs in two regions, including a failed job',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-west', region: OTHER_REGION }),
          trainingJob({ name: 'tj-pass-failed', status: 'Failed' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no VpcConfig',
      inventory: inventory({ trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-vpc', vpc: undefined })] }),
      failures: [{ resource: 'tj-fail-no-vpc', messageId: 'noVpc' }],
    },
    {
      // The exact field matters: security groups without subnets put nothing in a VPC.
      name: 'a VpcConfig with security groups but an empty Subnets list',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-fail-empty-subnets', vpc: { subnets: [], securityGroupIds: ['sg-0123456789abcdef0'] } }),
        ],
      }),
      failures: [{ resource: 'tj-fail-empty-subnets', messageId: 'noVpc' }],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied in one region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-vpc', vpc: undefined })],
        errors: [listError('trainingJobs', { region: OTHER_REGION })],
      }),
      errors: ['trainingJobs (us-west-2)'],
      failures: [{ resource: 'tj-fail-no-vpc', messageId: 'noVpc' }],
    },
    {
      name: 'DescribeTrainingJob throttled for one job',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
    },
  ],
});
