import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import { SAGEMAKER_NAMESPACE } from '../src/inventory/model-monitoring.js';

/** The AWS/SageMaker metrics that show an endpoint failing, slowing down or losing its traffic. */
const HEALTH_METRICS: readonly string[] = ['Invocation5XXErrors', 'ModelLatency', 'Invocations', 'OverheadLatency'];

export default defineRule({
  id: 'endpoint-cloudwatch-alarms',
  title: 'In-service endpoints have a CloudWatch alarm on errors, latency or invocations',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['controllability'],
  pillars: ['operational-excellence', 'reliability'],
  rationale:
    'SageMaker publishes invocation, error and latency metrics for every endpoint, but nobody is told when they go ' +
    'wrong unless an alarm watches them. Without one a failing or slow model is found by its callers.',
  remediation: {
    summary:
      'Create a CloudWatch alarm in namespace AWS/SageMaker with dimension EndpointName (and VariantName) on ' +
      'Invocation5XXErrors, ModelLatency, OverheadLatency or Invocations, with an action that notifies the owners. ' +
      'The same alarms can serve as auto-rollback alarms for deployment guardrails.',
    console:
      'CloudWatch console > Alarms > Create alarm > Select metric > SageMaker > Endpoint Metrics > (endpoint, variant) ' +
      '> Invocation5XXErrors.',
    cli:
      'aws cloudwatch put-metric-alarm --alarm-name <endpoint>-5xx --namespace AWS/SageMaker ' +
      '--metric-name Invocation5XXErrors --dimensions Name=EndpointName,Value=<endpoint> Name=VariantName,Value=<variant> ' +
      '--statistic Sum --period 300 --evaluation-periods 1 --threshold 5 --comparison-operator GreaterThanOrEqualToThreshold ' +
      '--treat-missing-data notBreaching --alarm-actions <sns-topic-arn>',
  },
  references: [
    'ML Lens MLOPS05-BP01',
    'ML Lens MLOPS06-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'cloudwatchAlarms'],
  messages: {
    noAlarm: 'Endpoint {name} has no CloudWatch alarm on Invocation5XXErrors, ModelLatency, OverheadLatency or Invocations.',
  },
  evaluate: ({ endpoints, cloudwatchAlarms }, ctx) =>
    endpoints
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        const alarms = cloudwatchAlarms.filter(
          (a) =>
            a.region === ep.region &&
            a.metrics.some(
              (m) =>
                m.namespace === SAGEMAKER_NAMESPACE &&
                m.dimensions.EndpointName === ep.name &&
                HEALTH_METRICS.includes(m.metricName),
            ),
        );
        const evidence = {
          Alarms: alarms.map((a) => `${a.name} (${a.metrics.map((m) => m.metricName).join(', ')}): ${a.stateValue}`),
        };
        if (alarms.length > 0) return ctx.pass(ep, evidence);
        const gap = ctx.gap('cloudwatchAlarms', ep.region);
        if (gap) return ctx.error(ep, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
        return ctx.fail(ep, 'noAlarm', {}, evidence);
      }),
});
