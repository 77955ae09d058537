import { describe, expect, it } from 'vitest';
import rule from '../../rules/hpo-resource-limits.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { tuningJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '50 jobs, 5 in parallel, one day', inventory: inventory({ tuningJobs: [tuningJob()] }) },
    {
      name: 'exactly 500 jobs; or no job cap but a time cap',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-500', resourceLimits: { maxNumberOfTrainingJobs: 500, maxParallelTrainingJobs: 10 } }),
          tuningJob({
            name: 'hpo-pass-time-capped',
            resourceLimits: { maxParallelTrainingJobs: 4, maxRuntimeSeconds: 6 * 3600 },
            completionCriteria: false,
          }),
        ],
      }),
    },
    {
      // Grid search needs no MaxNumberOfTrainingJobs: the grid is the budget.
      name: 'a grid search without MaxNumberOfTrainingJobs is capped by its grid',
      inventory: inventory({
        tuningJobs: [tuningJob({ name: 'hpo-pass-grid', strategy: 'Grid', gridSize: 24, resourceLimits: { maxParallelTrainingJobs: 4 } })],
      }),
    },
  ],
  invalid: [
    {
      name: 'more than 500 jobs, and a grid of 600 combinations',
      inventory: inventory({
        tuningJobs: [
          tuningJob(),
          tuningJob({ name: 'hpo-fail-2000-jobs', resourceLimits: { maxNumberOfTrainingJobs: 2000, maxParallelTrainingJobs: 50 } }),
          tuningJob({ name: 'hpo-fail-huge-grid', strategy: 'Grid', gridSize: 600, resourceLimits: { maxParallelTrainingJobs: 10 } }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-2000-jobs', messageId: 'tooManyJobs' },
        { resource: 'hpo-fail-huge-grid', messageId: 'tooManyJobs' },
      ],
    },
    {
      name: 'neither a job cap nor a time cap, even with completion criteria',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-fail-unbounded', resourceLimits: { maxParallelTrainingJobs: 10 }, completionCriteria: true }),
        ],
      }),
      failures: [{ resource: 'hpo-fail-unbounded', messageId: 'unbounded' }],
    },
  ],
  error: [
    {
      name: 'ListHyperParameterTuningJobs denied: the scope is ERROR',
      inventory: inventory({ tuningJobs: [tuningJob()], errors: [listError('tuningJobs')] }),
      errors: ['tuningJobs (us-east-1)'],
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

describe('rule hpo-resource-limits options', () => {
  it('reads maxTrainingJobs from the rule options', () => {
    const inv = inventory({ tuningJobs: [tuningJob({ name: 'hpo-100', resourceLimits: { maxNumberOfTrainingJobs: 100, maxParallelTrainingJobs: 5 } })] });
    expect(evaluateRules([rule], inv).map((f) => f.status)).toEqual(['PASS']);
    const strict = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { maxTrainingJobs: 60 } } });
    expect(strict.map((f) => f.message)).toEqual(['Tuning job hpo-100 may launch 100 training jobs, more than the limit of 60.']);
  });
});
