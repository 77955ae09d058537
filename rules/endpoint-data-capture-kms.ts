import { judgeCustomerKey } from '../src/engine/customer-key.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-data-capture-kms',
  title: 'Endpoint configs encrypt captured inference data with a customer-managed KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'monitoring',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Data capture copies real requests and predictions, often personal data, into S3. Without a customer-managed key ' +
    'the objects carry only the bucket default encryption, so whoever can read the bucket reads the payloads, with ' +
    'no key policy in between and no CloudTrail record of each decryption.',
  remediation: {
    summary:
      'Endpoint configs are immutable: create a new endpoint config whose DataCaptureConfig sets KmsKeyId to a ' +
      'customer-managed key, then update the endpoint to it. Configs that do not capture data are not applicable.',
    console:
      'SageMaker AI console > Inference > Endpoint configurations > Create endpoint configuration > Data capture > ' +
      'Encryption key: choose a customer-managed key; then Endpoints > (endpoint) > Change > Use an existing endpoint ' +
      'configuration.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <new-config> --production-variants file://variants.json ' +
      '--data-capture-config \'{"EnableCapture":true,"InitialSamplingPercentage":20,"DestinationS3Uri":"s3://<bucket>/capture",' +
      '"KmsKeyId":"<key-arn>","CaptureOptions":[{"CaptureMode":"Input"},{"CaptureMode":"Output"}]}\' && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>',
  },
  references: [
    'ML Lens MLSEC03-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html',
  ],
  needs: ['endpointConfigs', 'kmsKeys'],
  messages: {
    noKey: 'Endpoint config {name} captures inference data without a KmsKeyId, so captured payloads get only the bucket default encryption.',
    awsManagedKey: 'Endpoint config {name} encrypts captured inference data with the AWS-managed KMS key {key}, not a customer-managed key.',
  },
  evaluate: ({ endpointConfigs }, ctx) =>
    endpointConfigs.map((config) => {
      const capture = config.dataCapture;
      if (!capture?.enabled) return ctx.pass(config, { EnableCapture: capture?.enabled ?? false, applicable: false });
      const reference = capture.kmsKeyId;
      const evidence = { EnableCapture: true, DestinationS3Uri: capture.destinationS3Uri ?? null, KmsKeyId: reference ?? null };
      if (!reference) return ctx.fail(config, 'noKey', {}, evidence);
      return judgeCustomerKey(ctx, config, reference, 'awsManagedKey', evidence);
    }),
});
