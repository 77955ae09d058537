import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-shadow-or-ab',
  title: 'In-service endpoints test new models against live traffic with shadow or A/B variants',
  severity: 'info',
  kind: 'practice',
  phase: 'deployment',
  dimensions: ['safety'],
  pillars: ['reliability'],
  rationale:
    'Offline metrics do not show how a candidate model behaves on production traffic. A shadow variant receives a copy ' +
    'of live requests without answering callers, and weighted production variants expose a small share of callers to ' +
    'the candidate, so a regression shows up before the full switch.',
  remediation: {
    summary:
      'Run candidates as a shadow test (CreateInferenceExperiment with ShadowModeConfig, or ShadowProductionVariants in ' +
      'the endpoint config) or as a second production variant with a small weight. This is an advisory: an endpoint ' +
      'serving one variant between releases is normal.',
    console: 'SageMaker AI console > Inference > Shadow tests > Create shadow test.',
    cli:
      'aws sagemaker create-inference-experiment --name <name> --type ShadowMode --endpoint-name <endpoint> ' +
      '--role-arn <role> --model-variants file://variants.json --shadow-mode-config file://shadow.json',
  },
  references: [
    'ML Lens MLREL04-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-ab-testing.html',
  ],
  needs: ['endpoints'],
  messages: {
    singleVariant: 'Endpoint {name} serves all traffic from one variant, with no shadow or weighted challenger variant.',
  },
  evaluate: ({ endpoints }, ctx) =>
    endpoints
      .filter((ep) => ep.status === 'InService')
      .map((ep) => {
        const weighted = ep.variants.filter((v) => (v.currentWeight ?? 0) > 0).map((v) => v.name);
        const evidence = {
          ShadowProductionVariants: ep.shadowVariantCount,
          VariantsWithTraffic: weighted,
        };
        if (ep.shadowVariantCount > 0 || weighted.length > 1) return ctx.pass(ep, evidence);
        return ctx.fail(ep, 'singleVariant', {}, evidence);
      }),
});
