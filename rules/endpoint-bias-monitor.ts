import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-bias-monitor',
  title: 'In-service endpoints have a scheduled model-bias monitor',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['fairness'],
  pillars: ['operational-excellence'],
  rationale:
    'A model that was fair on its training data can drift into treating groups differently as the live population ' +
    'changes. A SageMaker Clarify model-bias monitor recomputes bias metrics on captured traffic against ground truth ' +
    'and reports when they leave the baseline.',
  remediation: {
    summary:
      'Create a model-bias job definition from a Clarify bias baseline and a monitoring schedule of type ModelBias for ' +
      'the endpoint (it needs data capture and ground-truth labels), or start the existing one if it is stopped. Models ' +
      'that take no decisions about people may document why bias monitoring does not apply. ' +
      'Model Monitor is closed to new customers (existing ones keep it); without it, run the same Clarify analysis ' +
      'as a scheduled processing job, which this rule does not yet recognise.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > Create a model bias monitor.',
    cli:
      'aws sagemaker create-monitoring-schedule --monitoring-schedule-name <name> --monitoring-schedule-config ' +
      '\'{"MonitoringJobDefinitionName":"<model-bias-job-definition>","MonitoringType":"ModelBias",' +
      '"ScheduleConfig":{"ScheduleExpression":"cron(0 * ? * * *)"}}\'; ' +
      'or, for a stopped schedule: aws sagemaker start-monitoring-schedule --monitoring-schedule-name <name>',
  },
  references: [
    'ML Lens MLREL03-BP04',
    'ML Lens MLOPS02-BP06',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-bias-drift.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelBiasJobDefinition.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'monitoringSchedules'],
  messages: {
    noSchedule: 'Endpoint {name} has no model-bias monitoring schedule.',
    notScheduled: 'Endpoint {name} has model-bias monitoring schedules, but none is running ({schedules}).',
  },
  evaluate: ({ endpoints, monitoringSchedules }, ctx) =>
    endpoints
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        const schedules = monitoringSchedules.filter(
          (s) => s.endpointName === ep.name && s.region === ep.region && s.monitoringType === 'ModelBias',
        );
        const evidence = { MonitoringSchedules: schedules.map((s) => `${s.name}: ${s.status}`) };
        if (schedules.some((s) => s.status === 'Scheduled')) return ctx.pass(ep, evidence);
        // A schedule that could not be listed or described might be the one watching this endpoint.
        const gap = ctx.gap('monitoringSchedules', ep.region);
        if (gap) return ctx.error(ep, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
        if (schedules.length === 0) return ctx.fail(ep, 'noSchedule', {}, evidence);
        const listed = schedules.map((s) => `${s.name} ${s.status}`).join(', ');
        return ctx.fail(ep, 'notScheduled', { schedules: listed }, evidence);
      }),
});
