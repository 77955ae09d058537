import rule from '../../rules/training-intercontainer-encryption.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'multi-instance job with encryption',
      inventory: inventory({ trainingJobs: [trainingJob({ name: 'tj-pass-distributed', instanceCount: 4 })] }),
    },
    {
      name: 'single-instance job without encryption is not applicable',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-single-no-ice', instanceCount: 1, interContainerEncryption: false }),
        ],
      }),
    },
    {
      name: 'instance groups with encryption',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-groups', instanceType: undefined, usesInstanceGroups: true, instanceCount: 3 }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'multi-instance job without encryption',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-distributed-no-ice', instanceCount: 2, interContainerEncryption: false }),
        ],
      }),
      failures: [{ resource: 'tj-fail-distributed-no-ice', messageId: 'iceDisabled' }],
    },
    {
      name: 'heterogeneous cluster without encryption',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-fail-groups-no-ice',
            instanceType: undefined,
            usesInstanceGroups: true,
            instanceCount: 1,
            interContainerEncryption: false,
          }),
        ],
      }),
      failures: [{ resource: sagemakerArn('training-job', 'tj-fail-groups-no-ice'), messageId: 'iceDisabled' }],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied in the region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-single-no-ice', interContainerEncryption: false }),
          trainingJob({ name: 'tj-fail-distributed-no-ice', instanceCount: 8, interContainerEncryption: false }),
        ],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'tj-fail-distributed-no-ice', messageId: 'iceDisabled' }],
    },
    {
      name: 'DescribeTrainingJob failed for one job',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-fail-distributed-no-ice', instanceCount: 8, interContainerEncryption: false }),
        ],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
      failures: [{ resource: 'tj-fail-distributed-no-ice', messageId: 'iceDisabled' }],
    },
  ],
});
