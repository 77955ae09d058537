import { describe, expect, it } from 'vitest';
import rule from '../../rules/training-stopping-condition.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a one-day cap', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'exactly at the 72-hour limit',
      inventory: inventory({ trainingJobs: [trainingJob({ name: 'tj-pass-72h', maxRuntimeSeconds: 72 * 3600 })] }),
    },
    {
      // StoppingCondition.MaxRuntimeInSeconds defaults to one day.
      name: 'no MaxRuntimeInSeconds: the API default of one day applies',
      inventory: inventory({ trainingJobs: [trainingJob({ name: 'tj-pass-default-cap', maxRuntimeSeconds: undefined })] }),
    },
    {
      name: 'a job launched by AutoML is capped by the AutoML job',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-pass-automl',
            maxRuntimeSeconds: 28 * 86_400,
            autoMlJobArn: sagemakerArn('automl-job', 'automl-pass'),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'caps above 72 hours, up to the 28-day maximum',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-72h-and-a-second', maxRuntimeSeconds: 72 * 3600 + 1 }),
          trainingJob({ name: 'tj-fail-28-days', maxRuntimeSeconds: 28 * 86_400 }),
        ],
      }),
      failures: [
        { resource: 'tj-fail-72h-and-a-second', messageId: 'runtimeTooLong' },
        { resource: 'tj-fail-28-days', messageId: 'runtimeTooLong' },
      ],
    },
  ],
  error: [
    {
      name: 'ListTrainingJobs denied: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        trainingJobs: [trainingJob({ name: 'tj-fail-5-days', maxRuntimeSeconds: 5 * 86_400 })],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'tj-fail-5-days', messageId: 'runtimeTooLong' }],
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

describe('rule training-stopping-condition options', () => {
  it('reads maxRuntimeHours from the rule options', () => {
    const inv = inventory({ trainingJobs: [trainingJob({ name: 'tj-30h', maxRuntimeSeconds: 30 * 3600 })] });
    expect(evaluateRules([rule], inv).map((f) => f.status)).toEqual(['PASS']);
    const strict = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { maxRuntimeHours: 24 } } });
    expect(strict.map((f) => [f.status, f.message])).toEqual([
      ['FAIL', 'Training job tj-30h may run for 30 hours (MaxRuntimeInSeconds 108000), above the 24-hour limit.'],
    ]);
  });
});
