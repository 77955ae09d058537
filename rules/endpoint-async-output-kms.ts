import { judgeCustomerKey } from '../src/engine/customer-key.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-async-output-kms',
  title: 'Asynchronous inference endpoint configs encrypt their results with a customer-managed KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'An asynchronous endpoint writes every prediction (and any failure payload) to S3. A customer-managed key keeps ' +
    'those results readable only by the principals its key policy allows and logs each use; without one they rely on ' +
    'the bucket default encryption.',
  remediation: {
    summary:
      'Endpoint configs are immutable: create a new endpoint config whose AsyncInferenceConfig.OutputConfig sets ' +
      'KmsKeyId to a customer-managed key, then update the endpoint to it. Real-time and serverless configs (no ' +
      'AsyncInferenceConfig) are not applicable.',
    console:
      'SageMaker AI console > Inference > Endpoint configurations > Create endpoint configuration > Async invocation ' +
      'config > Encryption key: choose a customer-managed key; then update the endpoint to the new configuration.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <new-config> --production-variants file://variants.json ' +
      '--async-inference-config \'{"OutputConfig":{"S3OutputPath":"s3://<bucket>/async-output","KmsKeyId":"<key-arn>"}}\' && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AsyncInferenceOutputConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-create-endpoint.html',
  ],
  needs: ['endpointConfigs', 'kmsKeys'],
  messages: {
    noKey: 'Endpoint config {name} writes asynchronous inference results to S3 without a KmsKeyId.',
    awsManagedKey: 'Endpoint config {name} encrypts asynchronous inference results with the AWS-managed KMS key {key}, not a customer-managed key.',
  },
  evaluate: ({ endpointConfigs }, ctx) =>
    endpointConfigs.map((config) => {
      if (!config.asyncInference) return ctx.pass(config, { AsyncInferenceConfig: false, applicable: false });
      const reference = config.asyncInference.outputKmsKeyId;
      const evidence = { AsyncInferenceConfig: true, 'OutputConfig.KmsKeyId': reference ?? null };
      if (!reference) return ctx.fail(config, 'noKey', {}, evidence);
      return judgeCustomerKey(ctx, config, reference, 'awsManagedKey', evidence);
    }),
});
