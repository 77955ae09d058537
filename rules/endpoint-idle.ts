import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import { METRICS_WINDOW_DAYS } from '../src/inventory/model-monitoring.js';

const DAY_MS = 86_400_000;

export default defineRule({
  id: 'endpoint-idle',
  title: 'In-service instance-based endpoints receive traffic',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'An endpoint bills for its instances every hour whether or not anyone calls it. One that served (next to) no ' +
    'requests for two weeks is usually a forgotten test or a retired model, paying and burning energy for nothing. ' +
    'Option minInvocations (default 1) is the fewest invocations over the window that count as in use.',
  remediation: {
    summary:
      'Confirm with the owner, then delete the endpoint (keep its endpoint config and model to recreate it), or move ' +
      'it to serverless or asynchronous inference (which can scale to zero) if it serves rare traffic. Endpoints ' +
      'younger than the 14-day window and serverless-only endpoints are not applicable.',
    console: 'SageMaker AI console > Inference > Endpoints > (endpoint) > Delete.',
    cli: 'aws sagemaker delete-endpoint --endpoint-name <endpoint>',
  },
  references: [
    'ML Lens MLCOST06-BP03',
    'ML Lens MLSUS03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-delete-resources.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'endpointMetrics'],
  options: { minInvocations: 1 },
  messages: {
    idle: 'Endpoint {name} received {invocations} invocations in the last {days} days.',
  },
  evaluate: ({ endpoints }, ctx) =>
    endpoints
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        if (ep.variants.length > 0 && ep.variants.every((v) => v.serverless)) {
          return ctx.pass(ep, { serverless: true, applicable: false });
        }
        const metrics = ctx.lookup('endpointMetrics', ep.arn, ep.region);
        const windowDays = metrics.status === 'found' ? metrics.item.windowDays : METRICS_WINDOW_DAYS;
        const ageDays = (Date.parse(ctx.collectedAt) - Date.parse(ep.creationTime)) / DAY_MS;
        // Too young to have had a full window of traffic: a quiet first week is not idleness.
        if (ageDays < windowDays) {
          return ctx.pass(ep, { CreationTime: ep.creationTime, windowDays, applicable: false });
        }
        if (metrics.status === 'error') {
          return ctx.error(ep, `Not evaluated: Invocations metrics: ${describeCollectionError(metrics.error)}.`);
        }
        if (metrics.status === 'absent') {
          return ctx.error(ep, 'Not evaluated: no Invocations metrics were collected for this endpoint.');
        }
        const m = metrics.item;
        const evidence = {
          Invocations: m.invocations,
          windowDays: m.windowDays,
          windowStart: m.windowStart,
          windowEnd: m.windowEnd,
          dataPoints: m.dataPoints,
          VariantInvocations: m.variants.map((v) => `${v.variantName}=${v.invocations}`),
        };
        if (m.invocations < ctx.options.minInvocations) {
          return ctx.fail(ep, 'idle', { invocations: m.invocations, days: m.windowDays }, evidence);
        }
        return ctx.pass(ep, evidence);
      }),
});
