import rule from '../../rules/endpoint-bias-monitor.js';
import { describeError, endpoint, inventory, listError, monitoringSchedule, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { biasSchedule } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a scheduled model-bias monitor',
      inventory: inventory({ endpoints: [endpoint()], monitoringSchedules: [biasSchedule()] }),
    },
    {
      name: 'a scheduled bias monitor next to a stopped one',
      inventory: inventory({
        endpoints: [endpoint()],
        monitoringSchedules: [biasSchedule({ name: 'ms-bias-old', status: 'Stopped' }), biasSchedule()],
      }),
    },
    {
      name: 'endpoints that are not InService are not judged',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-skip-creating', status: 'Creating' })],
        monitoringSchedules: [biasSchedule()],
      }),
    },
  ],
  invalid: [
    {
      name: 'only a data-quality monitor',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-dq-only' })],
        monitoringSchedules: [biasSchedule(), monitoringSchedule({ name: 'ms-dq', endpointName: 'ep-fail-dq-only' })],
      }),
      failures: [{ resource: 'ep-fail-dq-only', messageId: 'noSchedule' }],
    },
    {
      name: 'a bias monitor that is stopped',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-stopped' })],
        monitoringSchedules: [biasSchedule({ endpointName: 'ep-fail-stopped', status: 'Stopped' })],
      }),
      failures: [{ resource: 'ep-fail-stopped', messageId: 'notScheduled' }],
    },
    {
      name: 'a bias monitor on a same-named endpoint in another region does not count',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-east' })],
        monitoringSchedules: [biasSchedule({ endpointName: 'ep-fail-east', region: OTHER_REGION })],
      }),
      failures: [{ resource: 'ep-fail-east', messageId: 'noSchedule' }],
    },
  ],
  error: [
    {
      name: 'ListMonitoringSchedules denied: endpoints in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-unmonitored' }), endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        monitoringSchedules: [biasSchedule()],
        errors: [listError('monitoringSchedules')],
      }),
      errors: ['ep-pass', 'ep-error-unmonitored', 'monitoringSchedules (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noSchedule' }],
    },
    {
      name: 'DescribeMonitoringSchedule failed for one schedule: unmonitored endpoints there are ERROR, not FAIL',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-maybe-monitored' })],
        monitoringSchedules: [biasSchedule()],
        errors: [describeError('monitoringSchedules', sagemakerArn('monitoring-schedule', 'ms-unreadable'))],
      }),
      errors: ['ep-error-maybe-monitored'],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        monitoringSchedules: [biasSchedule()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});
