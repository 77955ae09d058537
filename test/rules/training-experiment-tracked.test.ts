import rule from '../../rules/training-experiment-tracked.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'experiment, trial and run set', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'only a run name (SageMaker Python SDK Run context), or only a trial name (legacy trials)',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-run-only', experiment: { runName: 'run-7' } }),
          trainingJob({ name: 'tj-pass-trial-only', experiment: { trialName: 'churn-trial-3' } }),
        ],
      }),
    },
    {
      // Tuning and AutoML jobs create trial components for the training jobs they launch.
      name: 'jobs launched by a tuning job or by AutoML are tracked by their parent',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-pass-hpo-child',
            experiment: undefined,
            tuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-pass'),
          }),
          trainingJob({ name: 'tj-pass-automl-child', experiment: undefined, autoMlJobArn: sagemakerArn('automl-job', 'automl-pass') }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no ExperimentConfig, or an empty one',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-untracked', experiment: undefined }),
          trainingJob({ name: 'tj-fail-empty-config', experiment: {} }),
        ],
      }),
      failures: [
        { resource: 'tj-fail-untracked', messageId: 'notTracked' },
        { resource: 'tj-fail-empty-config', messageId: 'notTracked' },
      ],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [trainingJob({ name: 'tj-fail-untracked', experiment: undefined })],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'tj-fail-untracked', messageId: 'notTracked' }],
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
