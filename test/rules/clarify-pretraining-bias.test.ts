import { describe, expect, it } from 'vitest';
import rule from '../../rules/clarify-pretraining-bias.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, OTHER_REGION, REGION, sagemakerArn, trainingJob } from '../support/builders.js';
import { clarifyJob, processingJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

/** The per-region pseudo-resources the rule reports against. */
const EAST = 'account 111122223333';
const THIRD_REGION = 'eu-west-1';

runRuleTests(rule, {
  valid: [
    {
      name: 'a region with training and a completed Clarify job',
      inventory: inventory({ trainingJobs: [trainingJob()], processingJobs: [processingJob(), clarifyJob()] }),
    },
    {
      name: 'a Clarify job still running counts; a region without training is not judged',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        processingJobs: [
          clarifyJob({ status: 'InProgress' }),
          processingJob({ name: 'pj-west-no-clarify', region: OTHER_REGION }),
        ],
      }),
    },
    {
      name: 'the image URI is matched whatever the registry account or case',
      inventory: inventory({
        trainingJobs: [trainingJob({ region: THIRD_REGION })],
        processingJobs: [
          clarifyJob({
            region: THIRD_REGION,
            imageUri: '929884845733.dkr.ecr.eu-west-1.amazonaws.com/SageMaker-Clarify-Processing:1.0',
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'training without any Clarify job',
      inventory: inventory({ trainingJobs: [trainingJob()], processingJobs: [processingJob()] }),
      failures: [{ resource: EAST, messageId: 'noClarify' }],
    },
    {
      // Bias and explainability monitors run the Clarify image on live traffic, not on the training data.
      name: 'only a Clarify job run by a monitoring schedule, and a failed Clarify job',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        processingJobs: [
          clarifyJob({ name: 'model-bias-monitoring-202603011200', monitoringScheduleArn: sagemakerArn('monitoring-schedule', 'churn-bias') }),
          clarifyJob({ name: 'clarify-failed', status: 'Failed' }),
        ],
      }),
      failures: [{ resource: EAST, messageId: 'noClarify' }],
    },
    {
      name: 'a Clarify job in another region does not cover this one',
      inventory: inventory({
        trainingJobs: [trainingJob(), trainingJob({ name: 'tj-west', region: OTHER_REGION })],
        processingJobs: [clarifyJob({ region: OTHER_REGION })],
      }),
      failures: [{ resource: EAST, messageId: 'noClarify' }],
    },
    {
      name: 'DescribeTrainingJob failed for the only training job: the region still trains, and has no Clarify job',
      inventory: inventory({
        processingJobs: [processingJob()],
        errors: [describeError('trainingJobs', sagemakerArn('training-job', 'tj-unreadable'))],
      }),
      failures: [{ resource: EAST, messageId: 'noClarify' }],
    },
  ],
  error: [
    {
      name: 'ListProcessingJobs denied: the region is ERROR, never FAIL or PASS',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        processingJobs: [processingJob()],
        errors: [listError('processingJobs')],
      }),
      errors: [EAST, 'processingJobs (us-east-1)'],
    },
    {
      name: 'DescribeProcessingJob failed for one job and no Clarify job was seen: the region is ERROR, not FAIL',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        processingJobs: [processingJob()],
        errors: [describeError('processingJobs', sagemakerArn('processing-job', 'pj-unreadable'))],
      }),
      errors: [EAST, 'pj-unreadable'],
    },
    {
      name: 'a Clarify job was read: a failed Describe of another processing job does not block the PASS',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        processingJobs: [clarifyJob()],
        errors: [describeError('processingJobs', sagemakerArn('processing-job', 'pj-unreadable'))],
      }),
      errors: ['pj-unreadable'],
    },
    {
      name: 'ListTrainingJobs denied: whether the region trains is unknown, so it is ERROR',
      inventory: inventory({
        processingJobs: [processingJob()],
        errors: [listError('trainingJobs')],
      }),
      errors: [EAST, 'trainingJobs (us-east-1)'],
    },
    {
      name: 'processing jobs not collected at all',
      inventory: inventory({ trainingJobs: [trainingJob()], notCollected: ['processingJobs'] }),
      errors: [EAST],
    },
  ],
});

/**
 * The per-region account resources share a name, and the rule tester tells resources apart by name, so cases where
 * regions end differently are checked here by ARN.
 */
describe('rule clarify-pretraining-bias across regions', () => {
  const byRegion = (inv: ReturnType<typeof inventory>): Record<string, string> =>
    Object.fromEntries(
      evaluateRules([rule], inv)
        .filter((f) => f.resource.type === 'AWS::::Account')
        .map((f) => [f.region, `${f.status}${f.messageId ? ` ${f.messageId}` : ''}`]),
    );

  it('a gap in one region leaves the other regions judged', () => {
    const inv = inventory({
      trainingJobs: [
        trainingJob(),
        trainingJob({ name: 'tj-west', region: OTHER_REGION }),
        trainingJob({ name: 'tj-eu', region: THIRD_REGION }),
      ],
      processingJobs: [clarifyJob({ region: OTHER_REGION })],
      errors: [listError('processingJobs')],
    });
    expect(byRegion(inv)).toEqual({ [REGION]: 'ERROR', [OTHER_REGION]: 'PASS', [THIRD_REGION]: 'FAIL noClarify' });
  });

  it('a region whose training jobs could not be listed is ERROR, one without training is not reported', () => {
    const inv = inventory({
      trainingJobs: [trainingJob()],
      processingJobs: [clarifyJob(), processingJob({ name: 'pj-eu', region: THIRD_REGION })],
      errors: [listError('trainingJobs', { region: OTHER_REGION })],
    });
    expect(byRegion(inv)).toEqual({ [REGION]: 'PASS', [OTHER_REGION]: 'ERROR' });
  });

  it('names the region and the number of training jobs', () => {
    const inv = inventory({ trainingJobs: [trainingJob(), trainingJob({ name: 'tj-2' })] });
    expect(evaluateRules([rule], inv).map((f) => f.message)).toEqual([
      'Region us-east-1 ran 2 training job(s) but no SageMaker Clarify analysis.',
    ]);
  });
});
