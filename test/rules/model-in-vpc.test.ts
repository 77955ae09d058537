import rule from '../../rules/model-in-vpc.js';
import { describeError, inventory, listError, model, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'VpcConfig with subnets and a security group', inventory: inventory({ models: [model()] }) },
    {
      name: 'several subnets',
      inventory: inventory({
        models: [
          model({
            name: 'model-pass-multi-az',
            vpc: { subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'], securityGroupIds: ['sg-0123456789abcdef0'] },
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no VpcConfig',
      inventory: inventory({ models: [model(), model({ name: 'model-fail-no-vpc', vpc: undefined })] }),
      failures: [{ resource: 'model-fail-no-vpc', messageId: 'noVpc' }],
    },
    {
      name: 'a VpcConfig without subnets',
      inventory: inventory({
        models: [model({ name: 'model-fail-no-subnets', vpc: { subnets: [], securityGroupIds: ['sg-0123456789abcdef0'] } })],
      }),
      failures: [{ resource: 'model-fail-no-subnets', messageId: 'noSubnets' }],
    },
  ],
  error: [
    {
      name: 'DescribeModel failed for one model',
      inventory: inventory({ models: [model()], errors: [describeError('models', sagemakerArn('model', 'model-unreadable'))] }),
      errors: ['model-unreadable'],
    },
    {
      name: 'ListModels denied: the scope is ERROR',
      inventory: inventory({ models: [model()], errors: [listError('models')] }),
      errors: ['models (us-east-1)'],
    },
  ],
});
