import rule from '../../rules/model-from-registry.js';
import { ACCOUNT, describeError, inventory, listError, model, REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn-xgb:1.7-1`;
const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`;

runRuleTests(rule, {
  valid: [
    { name: 'the primary container names a model package version', inventory: inventory({ models: [model()] }) },
    {
      name: 'every container of an inference pipeline comes from the registry (also cross-account)',
      inventory: inventory({
        models: [
          model({
            name: 'model-pass-pipeline',
            containers: [
              { modelPackageName: VERSION },
              { modelPackageName: 'arn:aws:sagemaker:us-east-1:999988887777:model-package/shared-postprocess/12' },
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a model built from an image and an S3 artifact',
      inventory: inventory({
        models: [
          model(),
          model({ name: 'model-fail-adhoc', containers: [{ image: IMAGE, modelDataUrl: 's3://ml-models-111122223333/churn/model.tar.gz' }] }),
        ],
      }),
      failures: [{ resource: 'model-fail-adhoc', messageId: 'notFromRegistry' }],
    },
    {
      name: 'an inference pipeline with an unregistered container',
      inventory: inventory({
        models: [model({ name: 'model-fail-partial', containers: [{ modelPackageName: VERSION }, { image: IMAGE }] })],
      }),
      failures: [{ resource: 'model-fail-partial', messageId: 'partlyFromRegistry' }],
    },
    {
      name: 'a model with no container definition at all',
      inventory: inventory({ models: [model({ name: 'model-fail-empty', containers: [] })] }),
      failures: [{ resource: 'model-fail-empty', messageId: 'notFromRegistry' }],
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
