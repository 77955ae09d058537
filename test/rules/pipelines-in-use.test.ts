import rule from '../../rules/pipelines-in-use.js';
import type { Rule } from '../../src/engine/rule.js';
import { ACCOUNT, describeError, endpoint, inventory, listError, OTHER_REGION, sagemakerArn, trainingJob } from '../support/builders.js';
import { pipeline } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const ACCOUNT_NAME = `account ${ACCOUNT}`;
/** 120 days before COLLECTED_AT (2026-03-02T10:00Z). */
const FOUR_MONTHS_AGO = '2025-11-02T10:00:00.000Z';

runRuleTests(rule, {
  valid: [
    {
      name: 'a pipeline that succeeded yesterday, in a region that trains',
      inventory: inventory({ trainingJobs: [trainingJob()], pipelines: [pipeline()] }),
    },
    {
      name: 'a region that only hosts endpoints; the newest run failed but an earlier one succeeded',
      inventory: inventory({
        endpoints: [endpoint()],
        pipelines: [
          pipeline({
            recentExecutions: [
              { status: 'Failed', startTime: '2026-03-02T06:00:00.000Z' },
              { status: 'Succeeded', startTime: '2026-02-20T06:00:00.000Z' },
            ],
          }),
        ],
      }),
    },
    {
      name: 'regions with neither training jobs nor endpoints are not judged',
      inventory: inventory({ trainingJobs: [trainingJob()], pipelines: [pipeline(), pipeline({ name: 'pl-west', region: OTHER_REGION, recentExecutions: [] })] }),
    },
  ],
  invalid: [
    {
      name: 'no training job or endpoint could be described: the region still trains, and has no pipeline',
      inventory: inventory({ errors: [describeError('trainingJobs', sagemakerArn('training-job', 'train-unreadable'))] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noPipelines' }],
    },
    {
      name: 'training jobs but no pipeline',
      inventory: inventory({ trainingJobs: [trainingJob()], endpoints: [endpoint()] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noPipelines' }],
    },
    {
      name: 'pipelines that last succeeded 120 days ago, or never ran',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        pipelines: [
          pipeline({ recentExecutions: [{ status: 'Succeeded', startTime: FOUR_MONTHS_AGO }] }),
          pipeline({ name: 'pl-never-run', recentExecutions: [] }),
          pipeline({ name: 'pl-failing', recentExecutions: [{ status: 'Failed', startTime: '2026-03-01T06:00:00.000Z' }] }),
        ],
      }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noRecentSuccess' }],
    },
    {
      name: 'a pipeline in another region does not count',
      inventory: inventory({ trainingJobs: [trainingJob()], pipelines: [pipeline({ region: OTHER_REGION })] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noPipelines' }],
    },
  ],
  error: [
    {
      name: 'DescribePipeline failed and no other pipeline succeeded: ERROR, not FAIL',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        errors: [describeError('pipelines', sagemakerArn('pipeline', 'pl-unreadable'))],
      }),
      errors: [ACCOUNT_NAME, 'pl-unreadable'],
    },
    {
      name: 'ListPipelines denied',
      inventory: inventory({ trainingJobs: [trainingJob()], pipelines: [pipeline()], errors: [listError('pipelines')] }),
      errors: [ACCOUNT_NAME, 'pipelines (us-east-1)'],
    },
    {
      name: 'ListTrainingJobs denied: whether the region trains is unknown',
      inventory: inventory({ endpoints: [endpoint()], pipelines: [pipeline()], errors: [listError('trainingJobs')] }),
      errors: [ACCOUNT_NAME, 'trainingJobs (us-east-1)'],
    },
  ],
});

/** maxDaysSinceSuccess: 180 accepts a run four months old. */
const lenient: Rule = { ...rule, options: { maxDaysSinceSuccess: 180 } };
runRuleTests(lenient, {
  valid: [
    {
      name: 'maxDaysSinceSuccess 180: a success 120 days ago is recent enough',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        pipelines: [pipeline({ recentExecutions: [{ status: 'Succeeded', startTime: FOUR_MONTHS_AGO }] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'maxDaysSinceSuccess 180: a success a year ago is not',
      inventory: inventory({
        trainingJobs: [trainingJob()],
        pipelines: [pipeline({ recentExecutions: [{ status: 'Succeeded', startTime: '2025-03-01T10:00:00.000Z' }] })],
      }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noRecentSuccess' }],
    },
  ],
  error: [
    {
      name: 'maxDaysSinceSuccess 180: ListPipelines denied',
      inventory: inventory({ trainingJobs: [trainingJob()], errors: [listError('pipelines')] }),
      errors: [ACCOUNT_NAME, 'pipelines (us-east-1)'],
    },
  ],
});
