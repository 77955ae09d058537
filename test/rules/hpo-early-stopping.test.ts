import rule from '../../rules/hpo-early-stopping.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { tuningJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'Bayesian with early stopping Auto', inventory: inventory({ tuningJobs: [tuningJob()] }) },
    {
      name: 'Random and Grid with Auto',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-random-auto', strategy: 'Random' }),
          tuningJob({ name: 'hpo-pass-grid-auto', strategy: 'Grid', gridSize: 6 }),
        ],
      }),
    },
    {
      // Hyperband stops weak candidates itself and CreateHyperParameterTuningJob requires Off with it.
      name: 'Hyperband with Off passes: it has its own early stopping',
      inventory: inventory({
        tuningJobs: [tuningJob({ name: 'hpo-pass-hyperband-off', strategy: 'Hyperband', earlyStoppingType: 'Off' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'Bayesian, Random and Grid with Off',
      inventory: inventory({
        tuningJobs: [
          tuningJob(),
          tuningJob({ name: 'hpo-fail-bayesian-off', earlyStoppingType: 'Off' }),
          tuningJob({ name: 'hpo-fail-random-off', strategy: 'Random', earlyStoppingType: 'Off' }),
          tuningJob({ name: 'hpo-fail-grid-off', strategy: 'Grid', gridSize: 6, earlyStoppingType: 'Off', region: OTHER_REGION }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-bayesian-off', messageId: 'earlyStoppingOff' },
        { resource: 'hpo-fail-random-off', messageId: 'earlyStoppingOff' },
        { resource: 'hpo-fail-grid-off', messageId: 'earlyStoppingOff' },
      ],
    },
  ],
  error: [
    {
      name: 'ListHyperParameterTuningJobs denied in one region',
      inventory: inventory({
        tuningJobs: [tuningJob(), tuningJob({ name: 'hpo-fail-bayesian-off', earlyStoppingType: 'Off' })],
        errors: [listError('tuningJobs', { region: OTHER_REGION })],
      }),
      errors: ['tuningJobs (us-west-2)'],
      failures: [{ resource: 'hpo-fail-bayesian-off', messageId: 'earlyStoppingOff' }],
    },
    {
      name: 'DescribeHyperParameterTuningJob failed for one job',
      inventory: inventory({
        tuningJobs: [tuningJob()],
        errors: [describeError('tuningJobs', sagemakerArn('hyper-parameter-tuning-job', 'hpo-unreadable'))],
      }),
      errors: ['hpo-unreadable'],
    },
  ],
});
