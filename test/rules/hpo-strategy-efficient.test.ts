import { describe, expect, it } from 'vitest';
import rule from '../../rules/hpo-strategy-efficient.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { tuningJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

const limits = (maxNumberOfTrainingJobs?: number) => ({ maxNumberOfTrainingJobs, maxParallelTrainingJobs: 4 });

runRuleTests(rule, {
  valid: [
    { name: 'Bayesian search', inventory: inventory({ tuningJobs: [tuningJob()] }) },
    {
      name: 'Hyperband, with or without a strategy config',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-hyperband', strategy: 'Hyperband', earlyStoppingType: 'Off', hyperband: { minResource: 1, maxResource: 27 } }),
          tuningJob({ name: 'hpo-pass-hyperband-default', strategy: 'Hyperband', earlyStoppingType: 'Off' }),
        ],
      }),
    },
    {
      // A grid trains every combination: for a small grid that is the whole search, and it is reproducible.
      name: 'a small grid: 3 x 4 categorical values, and a large grid cut to 20 jobs',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-small-grid', strategy: 'Grid', gridSize: 12, resourceLimits: limits(undefined) }),
          tuningJob({ name: 'hpo-pass-capped-grid', strategy: 'Grid', gridSize: 60, resourceLimits: limits(20) }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Random search, small or large',
      inventory: inventory({
        tuningJobs: [
          tuningJob(),
          tuningJob({ name: 'hpo-fail-random', strategy: 'Random', resourceLimits: limits(200) }),
          tuningJob({ name: 'hpo-fail-random-small', strategy: 'Random', resourceLimits: limits(10) }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-random', messageId: 'randomSearch' },
        { resource: 'hpo-fail-random-small', messageId: 'randomSearch' },
      ],
    },
    {
      name: 'a grid of 48 combinations, and a grid whose MaxNumberOfTrainingJobs exceeds the limit',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-fail-large-grid', strategy: 'Grid', gridSize: 48, resourceLimits: limits(undefined) }),
          tuningJob({ name: 'hpo-fail-grid-cap', strategy: 'Grid', gridSize: 100, resourceLimits: limits(30) }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-large-grid', messageId: 'largeGrid' },
        { resource: 'hpo-fail-grid-cap', messageId: 'largeGrid' },
      ],
    },
  ],
  error: [
    {
      name: 'ListHyperParameterTuningJobs denied: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        tuningJobs: [tuningJob(), tuningJob({ name: 'hpo-fail-random', strategy: 'Random' })],
        errors: [listError('tuningJobs')],
      }),
      errors: ['tuningJobs (us-east-1)'],
      failures: [{ resource: 'hpo-fail-random', messageId: 'randomSearch' }],
    },
    {
      name: 'DescribeHyperParameterTuningJob failed for one job',
      inventory: inventory({
        tuningJobs: [tuningJob()],
        errors: [describeError('tuningJobs', sagemakerArn('hyper-parameter-tuning-job', 'hpo-unreadable'))],
      }),
      errors: ['hpo-unreadable'],
    },
    {
      name: 'a strategy this version does not know is not guessed at',
      inventory: inventory({ tuningJobs: [tuningJob({ name: 'hpo-error-new-strategy', strategy: 'Evolutionary' })] }),
      errors: ['hpo-error-new-strategy'],
    },
  ],
});

describe('rule hpo-strategy-efficient options', () => {
  it('reads maxGridJobs from the rule options', () => {
    const inv = inventory({ tuningJobs: [tuningJob({ name: 'hpo-grid-12', strategy: 'Grid', gridSize: 12, resourceLimits: limits(undefined) })] });
    expect(evaluateRules([rule], inv).map((f) => f.status)).toEqual(['PASS']);
    const strict = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { maxGridJobs: 8 } } });
    expect(strict.map((f) => f.message)).toEqual([
      'Tuning job hpo-grid-12 grid-searches 12 training jobs, more than the 8 allowed for a grid.',
    ]);
  });
});
