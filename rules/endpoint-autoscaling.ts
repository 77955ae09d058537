import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

const INSTANCE_COUNT = 'sagemaker:variant:DesiredInstanceCount';

type VariantScaling = 'autoscaled' | 'managed' | 'noTarget' | 'noPolicy' | 'cannotScale';

export default defineRule({
  id: 'endpoint-autoscaling',
  title: 'In-service endpoints scale the instance count of every variant automatically',
  severity: 'medium',
  kind: 'security',
  phase: 'monitoring',
  dimensions: ['veracity-robustness'],
  pillars: ['reliability', 'cost'],
  rationale:
    'A variant with a fixed instance count either throttles or fails requests when traffic outgrows it, or pays for ' +
    'idle instances when traffic drops. A scalable target with a scaling policy (or SageMaker managed instance ' +
    'scaling) lets capacity follow demand between a floor and a ceiling.',
  remediation: {
    summary:
      'Register each instance-based variant as an Application Auto Scaling target (resource ' +
      'endpoint/<endpoint>/variant/<variant>, dimension sagemaker:variant:DesiredInstanceCount) with a maximum above ' +
      'its minimum, and attach a target-tracking policy, for example on SageMakerVariantInvocationsPerInstance. ' +
      'Endpoints built on inference components can use ManagedInstanceScaling in the endpoint config instead. ' +
      'Serverless variants scale by themselves and are not applicable.',
    console:
      'SageMaker AI console > Inference > Endpoints > (endpoint) > Endpoint runtime settings > select the variant > ' +
      'Configure auto scaling.',
    cli:
      'aws application-autoscaling register-scalable-target --service-namespace sagemaker ' +
      '--resource-id endpoint/<endpoint>/variant/<variant> --scalable-dimension sagemaker:variant:DesiredInstanceCount ' +
      '--min-capacity 2 --max-capacity 6 && aws application-autoscaling put-scaling-policy --service-namespace sagemaker ' +
      '--resource-id endpoint/<endpoint>/variant/<variant> --scalable-dimension sagemaker:variant:DesiredInstanceCount ' +
      '--policy-name <endpoint>-invocations --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ' +
      '\'{"TargetValue":70,"PredefinedMetricSpecification":{"PredefinedMetricType":"SageMakerVariantInvocationsPerInstance"}}\'',
  },
  references: [
    'ML Lens MLREL05-BP01',
    'ML Lens MLCOST06-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling.html',
    'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalableTargets.html',
  ],
  // endpoints first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['endpoints', 'scalableTargets', 'endpointConfigs'],
  messages: {
    noScaling: 'Endpoint {name} has no auto scaling for variant(s) {variants}.',
    noPolicy: 'Endpoint {name} registers scalable targets for variant(s) {variants}, but no scaling policy is attached.',
    cannotScale:
      'Endpoint {name} cannot scale variant(s) {variants}: the maximum capacity is not above the minimum, or scale-out is suspended.',
  },
  evaluate: ({ endpoints, scalableTargets }, ctx) =>
    endpoints
      // Only endpoints serving traffic are judged; one being created or updated has no settled capacity yet.
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        if (ep.variants.length === 0) return ctx.error(ep, 'Not evaluated: DescribeEndpoint reported no production variants.');
        const instanceVariants = ep.variants.filter((v) => !v.serverless);
        if (instanceVariants.length === 0) return ctx.pass(ep, { serverless: true, applicable: false });

        const verdicts = new Map<string, VariantScaling>();
        const described: string[] = [];
        for (const variant of instanceVariants) {
          const target = scalableTargets.find(
            (t) =>
              t.region === ep.region &&
              t.endpointName === ep.name &&
              t.variantName === variant.name &&
              t.scalableDimension === INSTANCE_COUNT,
          );
          if (!target) {
            verdicts.set(variant.name, 'noTarget');
            described.push(`${variant.name}: no scalable target`);
            continue;
          }
          const canScale = target.maxCapacity > target.minCapacity && !target.scaleOutSuspended;
          verdicts.set(
            variant.name,
            target.policyNames.length === 0 ? 'noPolicy' : canScale ? 'autoscaled' : 'cannotScale',
          );
          described.push(
            `${variant.name}: min ${target.minCapacity}, max ${target.maxCapacity}` +
              `${target.scaleOutSuspended ? ', scale-out suspended' : ''}, policies [${target.policyTypes.join(', ')}]`,
          );
        }
        const evidence = () => ({
          EndpointConfigName: ep.endpointConfigName,
          Variants: described,
          ManagedInstanceScaling: [...verdicts].filter(([, v]) => v === 'managed').map(([name]) => name),
        });

        // Endpoints on inference components can let SageMaker scale the instances instead (ManagedInstanceScaling).
        if ([...verdicts.values()].some((v) => v !== 'autoscaled')) {
          const config = ctx.lookup('endpointConfigs', ep.endpointConfigName, ep.region);
          if (config.status === 'error') {
            const why = describeCollectionError(config.error);
            return ctx.error(ep, `Not evaluated: endpoint config ${ep.endpointConfigName}: ${why}.`, evidence());
          }
          if (config.status === 'absent') {
            return ctx.error(ep, `Not evaluated: endpoint config ${ep.endpointConfigName} not found.`, evidence());
          }
          for (const v of config.item.variants) {
            if (v.managedInstanceScaling && verdicts.has(v.name)) verdicts.set(v.name, 'managed');
          }
        }

        const having = (verdict: VariantScaling): string =>
          [...verdicts].filter(([, v]) => v === verdict).map(([name]) => name).join(', ');
        const unscaled = [...verdicts.values()].filter((v) => v !== 'autoscaled' && v !== 'managed');
        if (unscaled.length === 0) return ctx.pass(ep, evidence());
        // A target or policy that could not be read might be the one that scales this variant.
        const gap = ctx.gap('scalableTargets', ep.region);
        if (gap) return ctx.error(ep, `Not evaluated: ${describeCollectionError(gap)}.`, evidence());
        if (unscaled.includes('noTarget')) return ctx.fail(ep, 'noScaling', { variants: having('noTarget') }, evidence());
        if (unscaled.includes('noPolicy')) return ctx.fail(ep, 'noPolicy', { variants: having('noPolicy') }, evidence());
        return ctx.fail(ep, 'cannotScale', { variants: having('cannotScale') }, evidence());
      }),
});
