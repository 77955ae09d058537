import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-explainability-monitor',
  title: 'In-service endpoints explain their predictions with a feature-attribution monitor or online explanations',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['explainability'],
  pillars: ['operational-excellence'],
  rationale:
    'When the features driving predictions shift, accuracy can still look fine while the model relies on proxies or ' +
    'noise. A Clarify explainability monitor tracks feature attributions on live traffic against a baseline; a ' +
    'Clarify explainer on the endpoint returns an explanation with each prediction.',
  remediation: {
    summary:
      'Create a model-explainability job definition from a Clarify SHAP baseline and a monitoring schedule of type ' +
      'ModelExplainability for the endpoint (or start the stopped one), or deploy the endpoint from a config whose ' +
      'ExplainerConfig sets ClarifyExplainerConfig for online explanations. ' +
      'Model Monitor is closed to new customers (existing ones keep it); without it, run the same Clarify analysis ' +
      'as a scheduled processing job, which this rule does not yet recognise.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > Create a model explainability monitor.',
    cli:
      'aws sagemaker create-monitoring-schedule --monitoring-schedule-name <name> --monitoring-schedule-config ' +
      '\'{"MonitoringJobDefinitionName":"<explainability-job-definition>","MonitoringType":"ModelExplainability",' +
      '"ScheduleConfig":{"ScheduleExpression":"cron(0 * ? * * *)"}}\'; ' +
      'or, for a stopped schedule: aws sagemaker start-monitoring-schedule --monitoring-schedule-name <name>',
  },
  references: [
    'ML Lens MLPERF06-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-feature-attribution-drift.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-online-explainability.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'monitoringSchedules', 'endpointConfigs'],
  messages: {
    noExplainability: 'Endpoint {name} has neither a model-explainability monitoring schedule nor a Clarify explainer.',
    notScheduled:
      'Endpoint {name} has model-explainability monitoring schedules, but none is running ({schedules}), and no Clarify explainer.',
  },
  evaluate: ({ endpoints, monitoringSchedules }, ctx) =>
    endpoints
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        const schedules = monitoringSchedules.filter(
          (s) => s.endpointName === ep.name && s.region === ep.region && s.monitoringType === 'ModelExplainability',
        );
        const evidence = {
          MonitoringSchedules: schedules.map((s) => `${s.name}: ${s.status}`),
          EndpointConfigName: ep.endpointConfigName,
        };
        if (schedules.some((s) => s.status === 'Scheduled')) return ctx.pass(ep, evidence);

        const config = ctx.lookup('endpointConfigs', ep.endpointConfigName, ep.region);
        if (config.status === 'found' && config.item.clarifyExplainer) {
          return ctx.pass(ep, { ...evidence, ClarifyExplainerConfig: true });
        }
        if (config.status === 'error') {
          const why = describeCollectionError(config.error);
          return ctx.error(ep, `Not evaluated: endpoint config ${ep.endpointConfigName}: ${why}.`, evidence);
        }
        if (config.status === 'absent') {
          return ctx.error(ep, `Not evaluated: endpoint config ${ep.endpointConfigName} not found.`, evidence);
        }
        const withConfig = { ...evidence, ClarifyExplainerConfig: false };
        const gap = ctx.gap('monitoringSchedules', ep.region);
        if (gap) return ctx.error(ep, `Not evaluated: ${describeCollectionError(gap)}.`, withConfig);
        if (schedules.length === 0) return ctx.fail(ep, 'noExplainability', {}, withConfig);
        const listed = schedules.map((s) => `${s.name} ${s.status}`).join(', ');
        return ctx.fail(ep, 'notScheduled', { schedules: listed }, withConfig);
      }),
});
