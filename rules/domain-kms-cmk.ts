import { judgeCustomerKey } from '../src/engine/customer-key.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'domain-kms-cmk',
  title: 'Studio domains encrypt their storage with a customer-managed KMS key',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The domain key encrypts the shared EFS home directories and the apps\' EBS volumes, where users keep datasets, ' +
    'notebooks and credentials files. A customer-managed key lets you control and audit who can decrypt them and ' +
    'revoke access; the AWS-managed key does not.',
  remediation: {
    summary:
      'The domain key cannot be changed after creation: create a new domain with KmsKeyId set to a customer-managed ' +
      'key and migrate users and their home directories to it.',
    console:
      'SageMaker AI console > Admin configurations > Domains > Create domain > Set up for organizations > ' +
      'Configure storage > Encryption key: choose a customer-managed key.',
    cli:
      'aws sagemaker create-domain --domain-name <name> --auth-mode SSO --app-network-access-type VpcOnly ' +
      '--vpc-id <vpc> --subnet-ids <subnet> --kms-key-id <key-arn> ' +
      '--default-user-settings \'{"ExecutionRole":"<role-arn>"}\'',
  },
  references: [
    'ML Lens MLSEC03-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
  ],
  needs: ['domains', 'kmsKeys'],
  messages: {
    // DescribeDomain omits KmsKeyId when the domain uses the AWS-managed key.
    noKey: 'Studio domain {name} sets no KmsKeyId, so its storage uses an AWS-managed key.',
    awsManagedKey: 'Studio domain {name} uses the AWS-managed KMS key {key}, not a customer-managed key.',
  },
  evaluate: ({ domains }, ctx) =>
    domains.map((domain) => {
      const reference = domain.kmsKeyId;
      if (!reference) return ctx.fail(domain, 'noKey', {}, { KmsKeyId: null });
      return judgeCustomerKey(ctx, domain, reference, 'awsManagedKey', { KmsKeyId: reference });
    }),
});
