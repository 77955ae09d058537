import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

const QUALITY_TYPES: readonly string[] = ['DataQuality', 'ModelQuality'];

export default defineRule({
  id: 'endpoint-model-monitor',
  title: 'In-service endpoints have a scheduled data- or model-quality monitor',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['veracity-robustness', 'safety'],
  pillars: ['operational-excellence', 'performance'],
  rationale:
    'Production data drifts away from the training data and model quality decays silently. A running Model Monitor ' +
    'schedule compares live traffic with a baseline and reports violations before they turn into bad decisions.',
  remediation: {
    summary:
      'Create a data-quality (or model-quality) monitoring schedule for the endpoint from a baseline of the training ' +
      'data, or start the existing schedule if it was stopped. The endpoint needs data capture enabled.',
    console:
      'SageMaker AI console > Inference > Endpoints > (endpoint) > Model Monitor > create a monitoring schedule; or ' +
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring.',
    cli:
      'aws sagemaker create-monitoring-schedule --monitoring-schedule-name <name> --monitoring-schedule-config ' +
      '\'{"MonitoringJobDefinitionName":"<data-quality-job-definition>","MonitoringType":"DataQuality",' +
      '"ScheduleConfig":{"ScheduleExpression":"cron(0 * ? * * *)"}}\'; ' +
      'or, for a stopped schedule: aws sagemaker start-monitoring-schedule --monitoring-schedule-name <name>',
  },
  references: [
    'ML Lens MLPERF06-BP03',
    'ML Lens MLPERF06-BP04',
    'ML Lens MLOPS06-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateMonitoringSchedule.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'monitoringSchedules'],
  messages: {
    noSchedule: 'Endpoint {name} has no data-quality or model-quality monitoring schedule.',
    notScheduled: 'Endpoint {name} has quality monitoring schedules, but none is running ({schedules}).',
  },
  evaluate: ({ endpoints, monitoringSchedules }, ctx) =>
    endpoints
      // Only endpoints serving traffic need a monitor; Creating, Failed or OutOfService ones are not judged.
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        const schedules = monitoringSchedules.filter(
          (s) =>
            s.endpointName === ep.name &&
            s.region === ep.region &&
            // Schedules created before MonitoringType existed (DefaultModelMonitor with an inline job definition)
            // are data-quality monitors and come back without a type.
            QUALITY_TYPES.includes(s.monitoringType ?? 'DataQuality'),
        );
        const evidence = {
          EndpointStatus: ep.status,
          MonitoringSchedules: schedules.map((s) => `${s.name} (${s.monitoringType ?? 'DataQuality'}): ${s.status}`),
        };
        const scheduled = schedules.some((s) => s.status === 'Scheduled');
        // A schedule that could not be described might be the one watching this endpoint.
        const gap = scheduled ? undefined : ctx.gap('monitoringSchedules', ep.region);
        if (gap) return ctx.error(ep, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
        if (schedules.length === 0) return ctx.fail(ep, 'noSchedule', {}, evidence);
        if (!scheduled) {
          const listed = schedules.map((s) => `${s.name} ${s.status}`).join(', ');
          return ctx.fail(ep, 'notScheduled', { schedules: listed }, evidence);
        }
        return ctx.pass(ep, evidence);
      }),
});
