import rule from '../../rules/monitor-job-kms.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { monitoringJobDefinition } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'volume and output keys, by ARN and by alias',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'mq-pass-alias', monitoringType: 'ModelQuality', volumeKmsKeyId: 'alias/ml-monitoring', outputKmsKeyId: 'alias/ml-monitoring' }),
        ],
      }),
    },
    {
      name: 'NVMe instance storage cannot take a volume key: only the output key is required',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition({ name: 'explain-pass-nvme', monitoringType: 'ModelExplainability', instanceType: 'ml.g4dn.xlarge', volumeKmsKeyId: undefined }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing the volume key, the output key, or both',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'dq-fail-no-keys', volumeKmsKeyId: undefined, outputKmsKeyId: undefined }),
          monitoringJobDefinition({ name: 'bias-fail-no-volume-key', monitoringType: 'ModelBias', volumeKmsKeyId: undefined }),
          monitoringJobDefinition({ name: 'mq-fail-no-output-key', monitoringType: 'ModelQuality', outputKmsKeyId: undefined }),
        ],
      }),
      failures: [
        { resource: 'dq-fail-no-keys', messageId: 'noKeys' },
        { resource: 'bias-fail-no-volume-key', messageId: 'noVolumeKey' },
        { resource: 'mq-fail-no-output-key', messageId: 'noOutputKey' },
      ],
    },
    {
      name: 'NVMe instance storage still needs the output key',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition({ name: 'dq-fail-nvme-no-output-key', instanceType: 'ml.m5d.xlarge', volumeKmsKeyId: undefined, outputKmsKeyId: undefined }),
        ],
      }),
      failures: [{ resource: 'dq-fail-nvme-no-output-key', messageId: 'noOutputKey' }],
    },
  ],
  error: [
    {
      name: 'ListModelQualityJobDefinitions denied: scope ERROR, definitions read elsewhere keep their verdicts',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition({ name: 'dq-fail-west', region: OTHER_REGION, outputKmsKeyId: undefined })],
        errors: [
          listError('monitoringJobDefinitions', {
            operation: 'ListModelQualityJobDefinitions',
            action: 'sagemaker:ListModelQualityJobDefinitions',
          }),
        ],
      }),
      errors: ['monitoringJobDefinitions (us-east-1)'],
      failures: [{ resource: 'dq-fail-west', messageId: 'noOutputKey' }],
    },
    {
      name: 'DescribeDataQualityJobDefinition failed for one definition',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition()],
        errors: [describeError('monitoringJobDefinitions', sagemakerArn('data-quality-job-definition', 'dq-unreadable'))],
      }),
      errors: ['dq-unreadable'],
    },
  ],
});
