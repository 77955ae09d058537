import rule from '../../rules/endpoint-explainability-monitor.js';
import {
  describeError,
  endpoint,
  endpointConfig,
  inventory,
  listError,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { biasSchedule, explainabilitySchedule } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a scheduled model-explainability monitor',
      inventory: inventory({ endpoints: [endpoint()], monitoringSchedules: [explainabilitySchedule()], endpointConfigs: [endpointConfig()] }),
    },
    {
      name: 'online explanations from a Clarify explainer, no monitor',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-explainer', endpointConfigName: 'epc-explainer' })],
        endpointConfigs: [endpointConfig({ name: 'epc-explainer', clarifyExplainer: true })],
      }),
    },
    {
      name: 'a monitor is enough even when the endpoint config is gone',
      inventory: inventory({
        endpoints: [endpoint({ endpointConfigName: 'epc-deleted' })],
        monitoringSchedules: [explainabilitySchedule()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no explainability monitor and no explainer (a bias monitor does not count)',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-unexplained' })],
        monitoringSchedules: [biasSchedule({ endpointName: 'ep-fail-unexplained' })],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-unexplained', messageId: 'noExplainability' }],
    },
    {
      name: 'a stopped explainability monitor and no explainer',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-stopped' })],
        monitoringSchedules: [explainabilitySchedule({ endpointName: 'ep-fail-stopped', status: 'Stopped' })],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-stopped', messageId: 'notScheduled' }],
    },
  ],
  error: [
    {
      name: 'ListMonitoringSchedules denied: endpoints in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-error-unexplained' }),
          endpoint({ name: 'ep-fail-west', region: OTHER_REGION }),
        ],
        monitoringSchedules: [explainabilitySchedule()],
        endpointConfigs: [endpointConfig(), endpointConfig({ region: OTHER_REGION })],
        errors: [listError('monitoringSchedules')],
      }),
      errors: ['ep-pass', 'ep-error-unexplained', 'monitoringSchedules (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noExplainability' }],
    },
    {
      name: 'DescribeMonitoringSchedule failed for one schedule: endpoints without explanations there are ERROR',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-error-maybe-monitored' })],
        endpointConfigs: [endpointConfig()],
        errors: [describeError('monitoringSchedules', sagemakerArn('monitoring-schedule', 'ms-unreadable'))],
      }),
      errors: ['ep-error-maybe-monitored'],
    },
    {
      name: 'no monitor, and the endpoint config could not be described',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-error-config', endpointConfigName: 'epc-unreadable' })],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'epc-unreadable'))],
      }),
      errors: ['ep-error-config'],
    },
    {
      name: 'no monitor, and the endpoint config no longer exists',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-error-config-gone', endpointConfigName: 'epc-deleted' })] }),
      errors: ['ep-error-config-gone'],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        monitoringSchedules: [explainabilitySchedule()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});
