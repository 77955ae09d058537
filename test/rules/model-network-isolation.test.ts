import rule from '../../rules/model-network-isolation.js';
import { describeError, inventory, listError, model, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'EnableNetworkIsolation true', inventory: inventory({ models: [model()] }) },
    {
      name: 'isolated models in two regions',
      inventory: inventory({ models: [model(), model({ name: 'model-pass-west', region: OTHER_REGION })] }),
    },
  ],
  invalid: [
    {
      name: 'EnableNetworkIsolation false (the API default)',
      inventory: inventory({ models: [model(), model({ name: 'model-fail-open', networkIsolation: false })] }),
      failures: [{ resource: 'model-fail-open', messageId: 'notIsolated' }],
    },
    {
      name: 'a model created from a registered version is judged on its own flag',
      inventory: inventory({
        models: [
          model({
            name: 'model-fail-from-package',
            networkIsolation: false,
            containers: [{ modelPackageName: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/churn/3' }],
          }),
        ],
      }),
      failures: [{ resource: 'model-fail-from-package', messageId: 'notIsolated' }],
    },
  ],
  error: [
    {
      name: 'DescribeModel failed for one model',
      inventory: inventory({
        models: [model()],
        errors: [describeError('models', sagemakerArn('model', 'model-unreadable'))],
      }),
      errors: ['model-unreadable'],
    },
    {
      name: 'ListModels denied in a region: the scope is ERROR, models read keep their verdicts',
      inventory: inventory({
        models: [model(), model({ name: 'model-fail-open', networkIsolation: false })],
        errors: [listError('models')],
      }),
      errors: ['models (us-east-1)'],
      failures: [{ resource: 'model-fail-open', messageId: 'notIsolated' }],
    },
  ],
});
