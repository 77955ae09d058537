import { judgeCustomerKey } from '../src/engine/customer-key.js';
import { defineRule } from '../src/engine/rule.js';

/**
 * Instance families with local NVMe instance-store volumes. Those volumes are encrypted by a hardware module on the
 * instance and SageMaker refuses a KMS key for them. The CreateEndpointConfig API reference, KmsKeyId: "If any of the
 * models that you specify in the ProductionVariants parameter use nitro-based instances with local storage, do not
 * specify a value for the KmsKeyId parameter ... the call to CreateEndpointConfig fails"; ResourceConfig.VolumeKmsKeyId
 * says the same for training ("You can't request a VolumeKmsKeyId when using an instance type with local storage").
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html
 * https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html
 *
 * A `d` among a family's attribute letters means local NVMe disks (m5d, c5d, r5d, g4dn, p3dn, p4d, p4de, m6id).
 * These families have NVMe storage without a `d` in the name. inf1/inf2 are EBS-only, so they are not listed.
 */
const NVME_FAMILIES_WITHOUT_D = new Set(['g5', 'g6', 'g6e', 'p5', 'p5e', 'p5en', 'trn1', 'trn1n', 'trn2']);

/** True for an instance type (`ml.g5.xlarge`) whose storage is local NVMe, where a KMS key cannot be set. */
export function hasInstanceStore(instanceType: string): boolean {
  const family = instanceType.toLowerCase().split('.')[1] ?? '';
  return /^[a-z]+\d+[a-z]*d[a-z]*$/.test(family) || NVME_FAMILIES_WITHOUT_D.has(family);
}

export default defineRule({
  id: 'endpoint-config-kms',
  title: 'Endpoint configs encrypt ML storage volumes with a customer-managed KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The storage volumes behind an endpoint hold the model artifacts and any data the container writes. ' +
    'With a customer-managed key you decide who may decrypt them, can revoke access, and see every use in CloudTrail; ' +
    'the AWS-managed key offers none of that.',
  remediation: {
    summary:
      'Endpoint configs are immutable: create a new endpoint config with KmsKeyId set to a customer-managed key and ' +
      'update each endpoint to it. Instance types with local NVMe storage cannot take a key (their disks are ' +
      'hardware-encrypted), so they are reported as not applicable.',
    console:
      'SageMaker AI console > Inference > Endpoint configurations > Create endpoint configuration > Encryption key: ' +
      'choose a customer-managed key; then Endpoints > (endpoint) > Change > Use an existing endpoint configuration.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <new-config> --kms-key-id <key-arn> ' +
      '--production-variants file://variants.json && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'AWS Config sagemaker-endpoint-configuration-kms-key-configured',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
  ],
  needs: ['endpointConfigs', 'kmsKeys'],
  messages: {
    noKey: 'Endpoint config {name} sets no KmsKeyId, so its storage volumes use an AWS-managed key.',
    awsManagedKey: 'Endpoint config {name} uses the AWS-managed KMS key {key}, not a customer-managed key.',
  },
  evaluate: ({ endpointConfigs }, ctx) =>
    endpointConfigs.map((config) => {
      const instanceTypes = config.variants.flatMap((v) => (v.serverless || !v.instanceType ? [] : [v.instanceType]));
      const reference = config.kmsKeyId;
      if (!reference) {
        const nvme = instanceTypes.filter(hasInstanceStore);
        // One local-storage variant is enough: CreateEndpointConfig rejects a key for the whole config.
        if (nvme.length > 0) return ctx.pass(config, { KmsKeyId: null, instanceStore: true, InstanceTypes: nvme });
        return ctx.fail(config, 'noKey', {}, { KmsKeyId: null, InstanceTypes: instanceTypes });
      }
      return judgeCustomerKey(ctx, config, reference, 'awsManagedKey', { KmsKeyId: reference });
    }),
});
