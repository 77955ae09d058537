import rule from '../../rules/training-debugger-profiler.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const nothing = { debugHook: false, debugRuleCount: 0, profilerEnabled: false };

runRuleTests(rule, {
  valid: [
    { name: 'debugger hook, rules and profiler', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'any one of them is enough',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-profiler-only', ...nothing, profilerEnabled: true }),
          trainingJob({ name: 'tj-pass-rules-only', ...nothing, debugRuleCount: 2 }),
          trainingJob({ name: 'tj-pass-hook-only', ...nothing, debugHook: true }),
        ],
      }),
    },
    {
      // HyperParameterTrainingJobDefinition and AutoML have no Debugger or profiler settings.
      name: 'jobs launched by a tuning job or by AutoML are not applicable',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-hpo-child', ...nothing, tuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-pass') }),
          trainingJob({ name: 'tj-pass-automl-child', ...nothing, autoMlJobArn: sagemakerArn('automl-job', 'automl-pass') }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no hook, no rules, profiler disabled',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-debugger', ...nothing })],
      }),
      failures: [{ resource: 'tj-fail-no-debugger', messageId: 'noDebugger' }],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied: the scope is ERROR',
      inventory: inventory({ trainingJobs: [trainingJob()], errors: [listError('trainingJobs')] }),
      errors: ['trainingJobs (us-east-1)'],
    },
    {
      name: 'DescribeTrainingJob failed for one job',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-fail-no-debugger', ...nothing })],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
      failures: [{ resource: 'tj-fail-no-debugger', messageId: 'noDebugger' }],
    },
  ],
});
