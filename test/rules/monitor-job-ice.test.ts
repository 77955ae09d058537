import rule from '../../rules/monitor-job-ice.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { monitoringJobDefinition } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a single-instance job has no inter-container traffic, encrypted or not',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'dq-pass-single-plain', interContainerEncryption: false }),
        ],
      }),
    },
    {
      name: 'multi-instance jobs with encryption, at the threshold of two instances and above',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition({ name: 'bias-pass-two', monitoringType: 'ModelBias', instanceCount: 2 }),
          monitoringJobDefinition({ name: 'explain-pass-four', monitoringType: 'ModelExplainability', instanceCount: 4 }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'two or more instances without encryption',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'bias-fail-two', monitoringType: 'ModelBias', instanceCount: 2, interContainerEncryption: false }),
          monitoringJobDefinition({ name: 'mq-fail-three', monitoringType: 'ModelQuality', instanceCount: 3, interContainerEncryption: false }),
        ],
      }),
      failures: [
        { resource: 'bias-fail-two', messageId: 'iceDisabled' },
        { resource: 'mq-fail-three', messageId: 'iceDisabled' },
      ],
    },
  ],
  error: [
    {
      name: 'ListDataQualityJobDefinitions denied: scope ERROR, definitions read elsewhere keep their verdicts',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition({ name: 'bias-fail-west', region: OTHER_REGION, instanceCount: 2, interContainerEncryption: false }),
        ],
        errors: [listError('monitoringJobDefinitions')],
      }),
      errors: ['monitoringJobDefinitions (us-east-1)'],
      failures: [{ resource: 'bias-fail-west', messageId: 'iceDisabled' }],
    },
    {
      name: 'DescribeModelBiasJobDefinition failed for one definition',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition()],
        errors: [
          describeError('monitoringJobDefinitions', sagemakerArn('model-bias-job-definition', 'bias-unreadable'), {
            operation: 'DescribeModelBiasJobDefinition',
            action: 'sagemaker:DescribeModelBiasJobDefinition',
          }),
        ],
      }),
      errors: ['bias-unreadable'],
    },
  ],
});
