import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import rule from '../../rules/hpo-warm-start.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { PYTORCH_IMAGE, tuningDefinition, tuningJob, XGBOOST_IMAGE } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

const JAN = '2026-01-10T08:00:00.000Z';
const FEB = '2026-02-10T08:00:00.000Z';
const MAR = '2026-03-01T08:00:00.000Z';
const xgboost = (tag: string) => [tuningDefinition({ trainingImage: XGBOOST_IMAGE.replace(':1.7-1', `:${tag}`) })];

runRuleTests(rule, {
  valid: [
    { name: 'a single tuning job is the first of its family', inventory: inventory({ tuningJobs: [tuningJob()] }) },
    {
      name: 'a repeat that warm-starts from the earlier job',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-first', creationTime: JAN }),
          tuningJob({
            name: 'hpo-pass-warm',
            creationTime: FEB,
            warmStart: { type: 'IdenticalDataAndAlgorithm', parents: ['hpo-pass-first'] },
          }),
        ],
      }),
    },
    {
      name: 'different families, regions, and an earlier job that failed do not make a repeat',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-xgboost', creationTime: JAN }),
          tuningJob({ name: 'hpo-pass-pytorch', creationTime: FEB, trainingDefinitions: [tuningDefinition({ trainingImage: PYTORCH_IMAGE })] }),
          tuningJob({ name: 'hpo-pass-xgboost-west', creationTime: FEB, region: OTHER_REGION }),
          tuningJob({
            name: 'hpo-pass-after-failed',
            creationTime: MAR,
            trainingDefinitions: [tuningDefinition({ algorithmName: 'arn:aws:sagemaker:us-east-1:111122223333:algorithm/churn-algo' })],
          }),
          tuningJob({
            name: 'hpo-pass-failed-first',
            creationTime: FEB,
            status: 'Failed',
            trainingDefinitions: [tuningDefinition({ algorithmName: 'arn:aws:sagemaker:us-east-1:111122223333:algorithm/churn-algo' })],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a repeat of the same image (another tag) without warm start',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-first', creationTime: JAN, trainingDefinitions: xgboost('1.5-1') }),
          tuningJob({ name: 'hpo-fail-repeat', creationTime: FEB, trainingDefinitions: xgboost('1.7-1') }),
          tuningJob({
            name: 'hpo-fail-repeat-digest',
            creationTime: MAR,
            trainingDefinitions: [tuningDefinition({ trainingImage: `${XGBOOST_IMAGE.split(':1.7-1')[0] ?? ''}@sha256:0f2e` })],
          }),
        ],
      }),
      failures: [
        { resource: 'hpo-fail-repeat', messageId: 'noWarmStart' },
        { resource: 'hpo-fail-repeat-digest', messageId: 'noWarmStart' },
      ],
    },
    {
      name: 'a multi-algorithm tuning job sharing one definition with an earlier job',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-pass-first', creationTime: JAN, status: 'Stopped' }),
          tuningJob({
            name: 'hpo-fail-multi',
            creationTime: FEB,
            trainingDefinitions: [
              tuningDefinition({ name: 'torch', trainingImage: PYTORCH_IMAGE }),
              tuningDefinition({ name: 'xgb' }),
            ],
          }),
        ],
      }),
      failures: [{ resource: 'hpo-fail-multi', messageId: 'noWarmStart' }],
    },
  ],
  error: [
    {
      // The unreadable job might be an earlier one of the same family.
      name: 'DescribeHyperParameterTuningJob failed: a job that looks first of its family is ERROR, a repeat still FAILs',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-error-maybe-first', creationTime: JAN }),
          tuningJob({ name: 'hpo-fail-repeat', creationTime: FEB }),
          tuningJob({ name: 'hpo-pass-west', region: OTHER_REGION }),
        ],
        errors: [describeError('tuningJobs', sagemakerArn('hyper-parameter-tuning-job', 'hpo-unreadable'))],
      }),
      errors: ['hpo-error-maybe-first', 'hpo-unreadable'],
      failures: [{ resource: 'hpo-fail-repeat', messageId: 'noWarmStart' }],
    },
    {
      name: 'ListHyperParameterTuningJobs denied in the region: the scope and the first-of-family job are ERROR',
      inventory: inventory({
        tuningJobs: [
          tuningJob({ name: 'hpo-error-maybe-first', creationTime: JAN }),
          tuningJob({ name: 'hpo-pass-warm', creationTime: FEB, warmStart: { type: 'TransferLearning', parents: ['hpo-error-maybe-first'] } }),
        ],
        errors: [listError('tuningJobs')],
      }),
      errors: ['hpo-error-maybe-first', 'tuningJobs (us-east-1)'],
    },
  ],
});

describe('hpo-warm-start evidence', () => {
  const day = (d: number): string => new Date(Date.UTC(2026, 0, d, 8)).toISOString();
  const both = [tuningDefinition({ trainingImage: PYTORCH_IMAGE }), tuningDefinition({ trainingImage: XGBOOST_IMAGE })];

  it('names the five newest earlier jobs of the family and counts them all, each once across families', () => {
    const earlier = [
      ...Array.from({ length: 7 }, (_, i) => tuningJob({ name: `xgb-${i + 1}`, creationTime: day(i + 1) })),
      ...Array.from({ length: 3 }, (_, i) =>
        tuningJob({ name: `torch-${i + 1}`, creationTime: day(i + 10), trainingDefinitions: [tuningDefinition({ trainingImage: PYTORCH_IMAGE })] }),
      ),
      // Of both families: one parent, counted once.
      tuningJob({ name: 'both-1', creationTime: day(5), trainingDefinitions: both }),
    ];
    const later = tuningJob({ name: 'both-later', creationTime: day(20), trainingDefinitions: both });
    const newer = tuningJob({ name: 'xgb-newer', creationTime: day(25) });
    const findings = evaluateRules([rule], inventory({ tuningJobs: [...earlier, later, newer] }));
    const of = (name: string) => findings.find((f) => f.resource.name === name);
    expect(of('both-later')).toMatchObject({
      status: 'FAIL',
      message: expect.stringContaining('as torch-3 from scratch'),
      evidence: { earlierTuningJobs: ['torch-3', 'torch-2', 'torch-1', 'xgb-7', 'xgb-6'], earlierTuningJobCount: 11 },
    });
    // Not counted: jobs of the same family created later, and the job itself.
    expect(of('xgb-7')?.evidence).toMatchObject({ earlierTuningJobs: ['xgb-6', 'xgb-5', 'both-1', 'xgb-4', 'xgb-3'], earlierTuningJobCount: 7 });
    expect(of('xgb-newer')?.evidence).toMatchObject({ earlierTuningJobCount: 9 });
    expect(of('xgb-1')).toMatchObject({ status: 'PASS', evidence: { earlierTuningJobs: [], earlierTuningJobCount: 0, firstOfFamily: true } });
  });
});
