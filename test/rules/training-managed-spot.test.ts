import rule from '../../rules/training-managed-spot.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'managed spot training', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'a spot job launched by a tuning job',
      inventory: inventory({
        trainingJobs: [trainingJob({ name: 'tj-pass-hpo', tuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-pass') })],
      }),
    },
    {
      // AutoML chooses capacity for the jobs it launches: there is no spot setting to change.
      name: 'an on-demand job launched by AutoML is not applicable',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-automl', managedSpot: false, autoMlJobArn: sagemakerArn('automl-job', 'automl-pass') }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'on-demand single-instance and heterogeneous jobs',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-on-demand', managedSpot: false, maxWaitSeconds: undefined }),
          trainingJob({
            name: 'tj-fail-groups',
            managedSpot: false,
            instanceType: undefined,
            usesInstanceGroups: true,
            instanceCount: 5,
          }),
        ],
      }),
      failures: [
        { resource: 'tj-fail-on-demand', messageId: 'onDemand' },
        { resource: 'tj-fail-groups', messageId: 'onDemand' },
      ],
    },
    {
      name: 'an on-demand job launched by a tuning job is still judged (tuning definitions can enable spot)',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-fail-hpo-on-demand',
            managedSpot: false,
            tuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-on-demand'),
          }),
        ],
      }),
      failures: [{ resource: 'tj-fail-hpo-on-demand', messageId: 'onDemand' }],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied: the scope is ERROR',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
    },
    {
      name: 'DescribeTrainingJob failed for one job',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-on-demand', managedSpot: false })],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
      failures: [{ resource: 'tj-fail-on-demand', messageId: 'onDemand' }],
    },
  ],
});
