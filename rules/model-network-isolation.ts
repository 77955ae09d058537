import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'model-network-isolation',
  title: 'Models run their inference containers with network isolation',
  severity: 'high',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'An inference container without network isolation can call out to the internet and AWS APIs with its execution ' +
    "role's credentials, so a compromised image or dependency can exfiltrate the inference traffic or the model.",
  remediation: {
    summary:
      'Models are immutable: create a new model with EnableNetworkIsolation set to true, put it in a new endpoint ' +
      'config and update the endpoints (or transform jobs) that use the old one. Containers that must fetch ' +
      'artifacts at run time need them packaged in ModelDataUrl instead.',
    console:
      'SageMaker AI console > Inference > Models > Create model > Network: enable "Network isolation"; then create an ' +
      'endpoint configuration with it and update the endpoint.',
    cli:
      'aws sagemaker create-model --model-name <new-model> --execution-role-arn <role-arn> ' +
      '--primary-container file://container.json --enable-network-isolation && ' +
      'aws sagemaker create-endpoint-config --endpoint-config-name <new-config> --production-variants file://variants.json && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>',
  },
  references: [
    'ML Lens MLSEC05-BP01',
    'Security Hub SageMaker.5',
    'AWS Config sagemaker-model-isolation-enabled',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html',
  ],
  needs: ['models'],
  messages: {
    notIsolated: 'Model {name} does not enable network isolation, so its containers can reach the network.',
  },
  evaluate: ({ models }, { pass, fail }) =>
    models.map((m) => {
      const evidence = { EnableNetworkIsolation: m.networkIsolation };
      return m.networkIsolation ? pass(m, evidence) : fail(m, 'notIsolated', {}, evidence);
    }),
});
