import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-multi-instance',
  title: 'Endpoint variants run on at least two instances',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['veracity-robustness'],
  pillars: ['reliability'],
  rationale:
    'SageMaker spreads the instances of a variant across Availability Zones only when there is more than one. ' +
    'A single instance is a single point of failure: an instance fault, a patch or an AZ outage takes the model offline.',
  remediation: {
    summary:
      'Raise the instance count of each instance-based variant to 2 or more, directly or by setting the minimum ' +
      'capacity of its auto scaling target to 2. Serverless variants have no instance count and are not judged.',
    console:
      'SageMaker AI console > Inference > Endpoints > (endpoint) > Endpoint runtime settings > select the variant > ' +
      'Update weight and capacity (or Configure auto scaling with a minimum of 2).',
    cli:
      'aws sagemaker update-endpoint-weights-and-capacities --endpoint-name <endpoint> ' +
      '--desired-weights-and-capacities VariantName=<variant>,DesiredInstanceCount=2',
  },
  references: [
    'ML Lens MLREL05-BP02',
    'Security Hub SageMaker.4',
    'AWS Config sagemaker-endpoint-config-prod-instance-count',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-best-practices.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html',
  ],
  needs: ['endpoints'],
  messages: {
    singleInstance: 'Endpoint {name} runs variant(s) {variants} on fewer than two instances.',
  },
  evaluate: ({ endpoints }, ctx) =>
    endpoints.map((ep) => {
      if (ep.variants.length === 0) {
        return ctx.error(ep, `Not evaluated: no production variants reported (status ${ep.status}).`);
      }
      const instanceVariants = ep.variants.filter((v) => !v.serverless);
      if (instanceVariants.length === 0) return ctx.pass(ep, { serverless: true });
      // The live count; DescribeEndpoint may report only the desired count while a variant is being updated.
      const counted = instanceVariants.map((v) => ({
        name: v.name,
        count: v.currentInstanceCount ?? v.desiredInstanceCount,
      }));
      const unknown = counted.filter((v) => v.count === undefined).map((v) => v.name);
      const evidence = {
        InstanceCounts: counted.map((v) => `${v.name}=${v.count ?? 'unknown'}`),
        ServerlessVariants: ep.variants.filter((v) => v.serverless).map((v) => v.name),
      };
      const single = counted.filter((v) => v.count !== undefined && v.count < 2).map((v) => v.name);
      if (single.length > 0) return ctx.fail(ep, 'singleInstance', { variants: single.join(', ') }, evidence);
      if (unknown.length > 0) {
        const variants = unknown.join(', ');
        const message = `Not evaluated: variant(s) ${variants} report no instance count (status ${ep.status}).`;
        return ctx.error(ep, message, evidence);
      }
      return ctx.pass(ep, evidence);
    }),
});
