import { describe, expect, it } from 'vitest';
import rule from '../../rules/endpoint-deployment-guardrails.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, endpoint, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const CREATED = '2026-01-15T09:30:00.000Z';
/** Twenty minutes after creation: the endpoint becoming InService, not an update. */
const CREATION_FINISHED = '2026-01-15T09:50:00.000Z';
const UPDATED = '2026-02-10T14:00:00.000Z';

runRuleTests(rule, {
  valid: [
    {
      name: 'canary traffic shifting with rollback alarms',
      inventory: inventory({ endpoints: [endpoint()] }),
    },
    {
      name: 'linear and rolling deployments with rollback alarms',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-pass-linear', lastDeploymentConfig: { trafficRouting: 'LINEAR', rollbackAlarms: ['errors'] } }),
          endpoint({ name: 'ep-pass-rolling', lastDeploymentConfig: { trafficRouting: 'ROLLING', rollbackAlarms: ['errors'] } }),
        ],
      }),
    },
    {
      // LastDeploymentConfig exists only after an update that carried a DeploymentConfig: informational, not FAIL.
      name: 'never updated: no LastDeploymentConfig and LastModifiedTime equal to CreationTime',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-never-updated', lastDeploymentConfig: undefined, creationTime: CREATED, lastModifiedTime: CREATED })],
      }),
    },
    {
      name: 'never updated: LastModifiedTime moved only when creation finished',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-pass-just-created', lastDeploymentConfig: undefined, creationTime: CREATED, lastModifiedTime: CREATION_FINISHED }),
          endpoint({ name: 'ep-pass-no-modified-time', lastDeploymentConfig: undefined, lastModifiedTime: undefined }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'all-at-once traffic shifting, even with rollback alarms',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-fail-all-at-once', lastDeploymentConfig: { trafficRouting: 'ALL_AT_ONCE', rollbackAlarms: ['errors'] } }),
          endpoint({ name: 'ep-fail-unspecified', lastDeploymentConfig: { rollbackAlarms: ['errors'] } }),
        ],
      }),
      failures: [
        { resource: 'ep-fail-all-at-once', messageId: 'allAtOnce' },
        { resource: 'ep-fail-unspecified', messageId: 'allAtOnce' },
      ],
    },
    {
      name: 'canary without rollback alarms',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-no-alarms', lastDeploymentConfig: { trafficRouting: 'CANARY', rollbackAlarms: [] } })],
      }),
      failures: [{ resource: 'ep-fail-no-alarms', messageId: 'noRollbackAlarms' }],
    },
    {
      name: 'updated weeks after creation without a deployment config',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-fail-updated-unguarded', lastDeploymentConfig: undefined, creationTime: CREATED, lastModifiedTime: UPDATED }),
        ],
      }),
      failures: [{ resource: 'ep-fail-updated-unguarded', messageId: 'noDeploymentConfig' }],
    },
  ],
  error: [
    {
      name: 'no readable CreationTime: whether it was updated is unknown',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-error-no-times', lastDeploymentConfig: undefined, creationTime: '' })] }),
      errors: ['ep-error-no-times'],
    },
    {
      name: 'ListEndpoints denied in one region: scope ERROR, endpoints read elsewhere keep their verdicts',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-fail-west', region: OTHER_REGION, lastDeploymentConfig: { trafficRouting: 'ALL_AT_ONCE', rollbackAlarms: [] } }),
        ],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'allAtOnce' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});

describe('endpoint-deployment-guardrails options', () => {
  it('updateGraceMinutes 0 counts any change after creation as an update', () => {
    const inv = inventory({
      endpoints: [endpoint({ name: 'ep-just-created', lastDeploymentConfig: undefined, creationTime: CREATED, lastModifiedTime: CREATION_FINISHED })],
    });
    const [finding] = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { updateGraceMinutes: 0 } } });
    expect(finding).toMatchObject({ status: 'FAIL', messageId: 'noDeploymentConfig' });
  });
});
