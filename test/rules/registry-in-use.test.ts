import rule from '../../rules/registry-in-use.js';
import {
  ACCOUNT,
  describeError,
  endpoint,
  inventory,
  listError,
  model,
  OTHER_REGION,
  REGION,
  sagemakerArn,
} from '../support/builders.js';
import { modelPackage, modelPackageGroup } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const ACCOUNT_NAME = `account ${ACCOUNT}`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn-xgb:1.7-1`;
const adhocModel = (name: string, region = REGION) => model({ name, region, containers: [{ image: IMAGE }] });
/** ListModelPackages failed for one group: recorded against the group's ARN. */
const groupListError = (group: string, region = REGION) =>
  describeError('modelPackages', sagemakerArn('model-package-group', group, region), {
    operation: 'ListModelPackages',
    action: 'sagemaker:ListModelPackages',
    kind: 'access-denied',
    code: 'AccessDeniedException',
  });

runRuleTests(rule, {
  valid: [
    {
      name: 'an Approved version in a region that hosts endpoints',
      inventory: inventory({ endpoints: [endpoint()], modelPackageGroups: [modelPackageGroup()], modelPackages: [modelPackage()] }),
    },
    {
      name: 'an older Approved version while the newest is pending',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup()],
        modelPackages: [
          modelPackage({ version: 5, approvalStatus: 'PendingManualApproval' }),
          modelPackage({ version: 2, latestInGroup: false }),
        ],
        models: [adhocModel('model-adhoc')],
      }),
    },
    {
      name: 'no local registry, but models come from a central registry in another account',
      inventory: inventory({
        endpoints: [endpoint()],
        models: [model({ containers: [{ modelPackageName: 'arn:aws:sagemaker:us-east-1:999988887777:model-package/churn/7' }] })],
      }),
    },
    {
      name: 'regions without endpoints are not judged',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup(), modelPackageGroup({ name: 'experiments-west', region: OTHER_REGION })],
        modelPackages: [modelPackage()],
      }),
    },
    {
      name: 'an Approved version proves use even when another group could not be listed',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup(), modelPackageGroup({ name: 'fraud' })],
        modelPackages: [modelPackage()],
        errors: [groupListError('fraud')],
      }),
    },
  ],
  invalid: [
    {
      name: 'the region\'s only endpoint could not be described: it still hosts one, and has no registry',
      inventory: inventory({ errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noRegistry' }],
    },
    {
      name: 'endpoints but no model package group',
      inventory: inventory({ endpoints: [endpoint()], models: [adhocModel('model-adhoc')] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noRegistry' }],
    },
    {
      name: 'groups whose versions are all pending or rejected',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup()],
        modelPackages: [
          modelPackage({ version: 4, approvalStatus: 'PendingManualApproval' }),
          modelPackage({ version: 3, latestInGroup: false, approvalStatus: 'Rejected' }),
        ],
      }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noApprovedVersion' }],
    },
    {
      name: 'judged per region: an Approved version elsewhere does not count',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-west', region: OTHER_REGION })],
        modelPackageGroups: [modelPackageGroup()],
        modelPackages: [modelPackage()],
      }),
      failures: [{ resource: `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:account`, messageId: 'noRegistry' }],
    },
  ],
  error: [
    {
      // (One region only: account results of all regions share one name, which the tester matches on.)
      name: 'ListModelPackageGroups denied in the region: the account result there is ERROR, not FAIL',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup({ region: OTHER_REGION })],
        modelPackages: [modelPackage({ region: OTHER_REGION })],
        errors: [listError('modelPackageGroups')],
      }),
      errors: [ACCOUNT_NAME, 'modelPackageGroups (us-east-1)'],
    },
    {
      name: "a group's versions could not be listed and nothing Approved is visible: ERROR, not FAIL",
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup(), modelPackageGroup({ name: 'fraud' })],
        modelPackages: [modelPackage({ approvalStatus: 'PendingManualApproval' })],
        errors: [groupListError('fraud')],
      }),
      errors: [ACCOUNT_NAME],
    },
    {
      name: 'DescribeModel failed: the unreadable model might come from the registry',
      inventory: inventory({
        endpoints: [endpoint()],
        models: [adhocModel('model-adhoc')],
        errors: [describeError('models', sagemakerArn('model', 'model-unreadable'))],
      }),
      errors: [ACCOUNT_NAME],
    },
    {
      name: 'ListEndpoints denied: the account result in that region is ERROR',
      inventory: inventory({
        endpoints: [endpoint()],
        modelPackageGroups: [modelPackageGroup()],
        modelPackages: [modelPackage()],
        errors: [listError('endpoints')],
      }),
      errors: [ACCOUNT_NAME, 'endpoints (us-east-1)'],
    },
  ],
});
