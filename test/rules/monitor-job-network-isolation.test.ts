import rule from '../../rules/monitor-job-network-isolation.js';
import { describeError, inventory, listError, monitoringSchedule, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { monitoringJobDefinition } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'job definitions of all four kinds with network isolation',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition({ name: 'dq-pass' }),
          monitoringJobDefinition({ name: 'mq-pass', monitoringType: 'ModelQuality' }),
          monitoringJobDefinition({ name: 'bias-pass', monitoringType: 'ModelBias' }),
          monitoringJobDefinition({ name: 'explain-pass', monitoringType: 'ModelExplainability' }),
        ],
      }),
    },
    {
      name: 'a schedule with an isolated inline job definition; schedules naming a job definition are judged through it',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition()],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-pass-inline', jobDefinitionName: undefined }),
          monitoringSchedule({ name: 'ms-skip-named', jobDefinitionName: 'mjd-pass', networkIsolation: undefined, interContainerEncryption: undefined }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a bias job definition and an inline schedule without network isolation',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'bias-fail-open', monitoringType: 'ModelBias', networkIsolation: false }),
        ],
        monitoringSchedules: [monitoringSchedule({ name: 'ms-fail-inline-open', jobDefinitionName: undefined, networkIsolation: false })],
      }),
      failures: [
        { resource: 'bias-fail-open', messageId: 'definitionNotIsolated' },
        { resource: 'ms-fail-inline-open', messageId: 'scheduleNotIsolated' },
      ],
    },
  ],
  error: [
    {
      name: 'ListModelBiasJobDefinitions denied: scope ERROR naming that operation, definitions read keep their verdicts',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition(), monitoringJobDefinition({ name: 'dq-fail-open', networkIsolation: false })],
        errors: [
          listError('monitoringJobDefinitions', {
            operation: 'ListModelBiasJobDefinitions',
            action: 'sagemaker:ListModelBiasJobDefinitions',
          }),
        ],
      }),
      errors: ['monitoringJobDefinitions (us-east-1)'],
      failures: [{ resource: 'dq-fail-open', messageId: 'definitionNotIsolated' }],
    },
    {
      name: 'ListMonitoringSchedules denied: verdicts in that region are ERROR, other regions keep theirs',
      inventory: inventory({
        monitoringJobDefinitions: [
          monitoringJobDefinition(),
          monitoringJobDefinition({ name: 'dq-fail-west', region: OTHER_REGION, networkIsolation: false }),
        ],
        monitoringSchedules: [monitoringSchedule({ jobDefinitionName: undefined })],
        errors: [listError('monitoringSchedules')],
      }),
      errors: ['mjd-pass', 'ms-pass', 'monitoringSchedules (us-east-1)'],
      failures: [{ resource: 'dq-fail-west', messageId: 'definitionNotIsolated' }],
    },
    {
      name: 'DescribeModelExplainabilityJobDefinition failed for one definition',
      inventory: inventory({
        monitoringJobDefinitions: [monitoringJobDefinition()],
        errors: [
          describeError('monitoringJobDefinitions', sagemakerArn('model-explainability-job-definition', 'explain-unreadable'), {
            operation: 'DescribeModelExplainabilityJobDefinition',
            action: 'sagemaker:DescribeModelExplainabilityJobDefinition',
          }),
        ],
      }),
      errors: ['explain-unreadable'],
    },
  ],
});
