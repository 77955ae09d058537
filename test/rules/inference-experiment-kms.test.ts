import rule from '../../rules/inference-experiment-kms.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { inferenceExperiment } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'instance storage and captured data both encrypted',
      inventory: inventory({ inferenceExperiments: [inferenceExperiment()] }),
    },
    {
      name: 'no data storage config: only the instance storage key is required',
      inventory: inventory({
        inferenceExperiments: [inferenceExperiment({ name: 'ie-pass-no-capture', dataStorage: undefined, kmsKey: 'alias/ml-shadow' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing the volume key, the data storage key, or both',
      inventory: inventory({
        inferenceExperiments: [
          inferenceExperiment(),
          inferenceExperiment({ name: 'ie-fail-no-keys', kmsKey: undefined, dataStorage: { destination: 's3://shadow/capture' } }),
          inferenceExperiment({ name: 'ie-fail-no-volume-key', kmsKey: undefined }),
          inferenceExperiment({ name: 'ie-fail-no-storage-key', dataStorage: { destination: 's3://shadow/capture' } }),
          inferenceExperiment({ name: 'ie-fail-no-key-no-capture', kmsKey: undefined, dataStorage: undefined }),
        ],
      }),
      failures: [
        { resource: 'ie-fail-no-keys', messageId: 'noKeys' },
        { resource: 'ie-fail-no-volume-key', messageId: 'noVolumeKey' },
        { resource: 'ie-fail-no-storage-key', messageId: 'noStorageKey' },
        { resource: 'ie-fail-no-key-no-capture', messageId: 'noVolumeKey' },
      ],
    },
  ],
  error: [
    {
      name: 'ListInferenceExperiments denied: scope ERROR, experiments read elsewhere keep their verdicts',
      inventory: inventory({
        inferenceExperiments: [inferenceExperiment({ name: 'ie-fail-west', region: OTHER_REGION, kmsKey: undefined })],
        errors: [listError('inferenceExperiments')],
      }),
      errors: ['inferenceExperiments (us-east-1)'],
      failures: [{ resource: 'ie-fail-west', messageId: 'noVolumeKey' }],
    },
    {
      name: 'DescribeInferenceExperiment failed for one experiment',
      inventory: inventory({
        inferenceExperiments: [inferenceExperiment()],
        errors: [describeError('inferenceExperiments', sagemakerArn('inference-experiment', 'ie-unreadable'))],
      }),
      errors: ['ie-unreadable'],
    },
  ],
});
