import rule from '../../rules/a2i-human-review.js';
import { describeError, endpoint, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { flowDefinition } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

const EAST = 'arn:aws:sagemaker:us-east-1:111122223333:account';
const WEST = 'arn:aws:sagemaker:us-west-2:111122223333:account';

runRuleTests(rule, {
  valid: [
    {
      name: 'an active flow definition in the region that serves endpoints',
      inventory: inventory({ endpoints: [endpoint()], flowDefinitions: [flowDefinition()] }),
    },
    {
      name: 'an active flow passes a region whose endpoints could not be described',
      inventory: inventory({
        flowDefinitions: [flowDefinition()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
    },
    {
      name: 'one active flow among failed ones; regions without in-service endpoints are not judged',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-skip-west-creating', region: OTHER_REGION, status: 'Creating' })],
        flowDefinitions: [flowDefinition({ name: 'fd-failed', status: 'Failed' }), flowDefinition()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no flow definition in a region that serves endpoints',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-west', region: OTHER_REGION })],
        flowDefinitions: [flowDefinition()],
      }),
      failures: [{ resource: WEST, messageId: 'noFlowDefinition' }],
    },
    {
      name: 'flow definitions exist but none is Active; an active one elsewhere does not count',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-west', region: OTHER_REGION })],
        flowDefinitions: [
          flowDefinition({ name: 'fd-failed', status: 'Failed' }),
          flowDefinition({ name: 'fd-deleting', status: 'Deleting' }),
          flowDefinition({ name: 'fd-west', region: OTHER_REGION }),
        ],
      }),
      failures: [{ resource: EAST, messageId: 'noneActive' }],
    },
  ],
  error: [
    {
      // moto does not implement ListFlowDefinitions: a scan against it must come out here, never PASS or FAIL.
      name: 'ListFlowDefinitions failed: the region is ERROR, other regions keep their verdicts',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-west', region: OTHER_REGION })],
        errors: [listError('flowDefinitions', { kind: 'not-implemented', code: 'HTTP500', message: 'unreadable response (HTTP 500)' })],
      }),
      errors: [EAST, 'flowDefinitions (us-east-1)'],
      failures: [{ resource: WEST, messageId: 'noFlowDefinition' }],
    },
    {
      name: 'DescribeFlowDefinition failed for one flow and none of the others is active',
      inventory: inventory({
        endpoints: [endpoint()],
        flowDefinitions: [flowDefinition({ name: 'fd-failed', status: 'Failed' })],
        errors: [describeError('flowDefinitions', sagemakerArn('flow-definition', 'fd-unreadable'))],
      }),
      errors: [EAST, 'fd-unreadable'],
    },
    {
      name: 'the region\'s only endpoint could not be described: it may serve, so the region is ERROR, not skipped',
      inventory: inventory({ errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))] }),
      errors: [EAST],
    },
    {
      name: 'ListEndpoints denied: the region cannot be judged',
      inventory: inventory({
        endpoints: [endpoint()],
        flowDefinitions: [flowDefinition()],
        errors: [listError('endpoints')],
      }),
      errors: [EAST, 'endpoints (us-east-1)'],
    },
  ],
});
