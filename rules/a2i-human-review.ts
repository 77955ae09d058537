import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'a2i-human-review',
  title: 'Regions that serve models have an active human review workflow',
  severity: 'low',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['controllability'],
  pillars: ['performance'],
  rationale:
    'Some predictions are too uncertain or too consequential to act on unchecked. An Amazon Augmented AI flow ' +
    'definition routes them, by confidence or by sample, to human reviewers whose answers can also become new ' +
    'training labels. This is an advisory, reported once per region that has in-service endpoints.',
  remediation: {
    summary:
      'Create a human review workflow (flow definition) with a work team, a task UI and, for built-in integrations, ' +
      'HumanLoopActivationConfig conditions; call StartHumanLoop from the application for custom models. Encrypt its ' +
      'S3 output with a KMS key.',
    console: 'Amazon Augmented AI console > Human review workflows > Create human review workflow.',
    cli:
      'aws sagemaker create-flow-definition --flow-definition-name <name> --role-arn <role> ' +
      '--human-loop-config file://human-loop.json --output-config S3OutputPath=s3://<bucket>/a2i,KmsKeyId=<key-arn>',
  },
  references: [
    'ML Lens MLPERF06-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/a2i-getting-started.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeFlowDefinition.html',
  ],
  // flowDefinitions first: a flow definition that could not be described is reported as ERROR by the engine.
  needs: ['flowDefinitions', 'endpoints'],
  messages: {
    noFlowDefinition: 'Region {region} serves {endpoints} in-service endpoint(s) but has no human review workflow.',
    noneActive: 'Region {region} serves {endpoints} in-service endpoint(s) but none of its human review workflows is Active ({flows}).',
  },
  evaluate: ({ flowDefinitions, endpoints }, ctx) => {
    const serving = endpoints.filter((ep) => ep.status === 'InService');
    // An endpoint that could not be described may be in service: its region is judged too, and cannot fail.
    return ctx.regionsWith(serving, ['endpoints']).map((region) => {
      const account = ctx.accountResource(region);
      const flows = flowDefinitions.filter((f) => f.region === region);
      const endpointCount = serving.filter((ep) => ep.region === region).length;
      const evidence = {
        InServiceEndpoints: endpointCount,
        FlowDefinitions: flows.map((f) => `${f.name}: ${f.status}`),
      };
      if (flows.some((f) => f.status === 'Active')) return ctx.pass(account, evidence);
      // A workflow that could not be listed or described might be the active one.
      const gap = ctx.gap('flowDefinitions', region);
      if (gap) return ctx.error(account, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
      const unread = ctx.gap('endpoints', region);
      if (endpointCount === 0 && unread) {
        return ctx.error(account, `Not evaluated: ${describeCollectionError(unread)}.`, evidence);
      }
      const data = { region, endpoints: endpointCount };
      if (flows.length === 0) return ctx.fail(account, 'noFlowDefinition', data, evidence);
      const listed = flows.map((f) => `${f.name} ${f.status}`).join(', ');
      return ctx.fail(account, 'noneActive', { ...data, flows: listed }, evidence);
    });
  },
});
