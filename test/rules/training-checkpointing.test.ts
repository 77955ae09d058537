import { describe, expect, it } from 'vitest';
import rule from '../../rules/training-checkpointing.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, sagemakerArn, trainingJob } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a spot job with a checkpoint location', inventory: inventory({ trainingJobs: [trainingJob()] }) },
    {
      name: 'a short on-demand job needs no checkpoints',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-pass-short', managedSpot: false, checkpointS3Uri: undefined, maxRuntimeSeconds: 4 * 3600 }),
          trainingJob({ name: 'tj-pass-12h', managedSpot: false, checkpointS3Uri: undefined, maxRuntimeSeconds: 12 * 3600 }),
        ],
      }),
    },
    {
      name: 'a long on-demand job with checkpoints',
      inventory: inventory({
        trainingJobs: [trainingJob({ name: 'tj-pass-long-checkpointed', managedSpot: false, maxRuntimeSeconds: 5 * 86_400 })],
      }),
    },
    {
      name: 'a job launched by AutoML is not applicable',
      inventory: inventory({
        trainingJobs: [
          trainingJob({
            name: 'tj-pass-automl',
            checkpointS3Uri: undefined,
            managedSpot: false,
            autoMlJobArn: sagemakerArn('automl-job', 'automl-pass'),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'spot without checkpoints, even when short',
      inventory: inventory({
        trainingJobs: [
          trainingJob(),
          trainingJob({ name: 'tj-fail-spot-short', checkpointS3Uri: undefined, maxRuntimeSeconds: 3600 }),
        ],
      }),
      failures: [{ resource: 'tj-fail-spot-short', messageId: 'spotWithoutCheckpoint' }],
    },
    {
      name: 'long on-demand jobs without checkpoints, including the one-day default cap',
      inventory: inventory({
        trainingJobs: [
          trainingJob({ name: 'tj-fail-long', managedSpot: false, checkpointS3Uri: undefined, maxRuntimeSeconds: 3 * 86_400 }),
          trainingJob({ name: 'tj-fail-default-cap', managedSpot: false, checkpointS3Uri: undefined, maxRuntimeSeconds: undefined }),
        ],
      }),
      failures: [
        { resource: 'tj-fail-long', messageId: 'longWithoutCheckpoint' },
        { resource: 'tj-fail-default-cap', messageId: 'longWithoutCheckpoint' },
      ],
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
        trainingJobs: [trainingJob()],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      errors: ['tj-unreadable'],
    },
  ],
});

describe('rule training-checkpointing options', () => {
  it('reads longRunningHours from the rule options', () => {
    const inv = inventory({
      trainingJobs: [trainingJob({ name: 'tj-6h', managedSpot: false, checkpointS3Uri: undefined, maxRuntimeSeconds: 6 * 3600 })],
    });
    expect(evaluateRules([rule], inv).map((f) => f.status)).toEqual(['PASS']);
    const strict = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { longRunningHours: 4 } } });
    expect(strict.map((f) => [f.status, f.messageId])).toEqual([['FAIL', 'longWithoutCheckpoint']]);
  });
});
