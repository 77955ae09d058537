import { judgeCustomerKey } from '../src/engine/customer-key.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-kms-cmk',
  title: 'Notebook instances encrypt their storage volume with a customer-managed KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A notebook volume keeps data scientists\' copies of datasets, credentials files and outputs. A customer-managed ' +
    'key lets you control and audit who can decrypt it and revoke access; the AWS-managed key does not.',
  remediation: {
    summary:
      'The key cannot be changed after creation: recreate the notebook instance with KmsKeyId set to a ' +
      'customer-managed key, after copying the work on its volume (for example to a Git repository or S3).',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > Create notebook instance > Permissions and encryption > ' +
      'Encryption key: choose a customer-managed key.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium ' +
      '--role-arn <role-arn> --kms-key-id <key-arn> --subnet-id <subnet> --security-group-ids <sg>',
  },
  references: [
    'ML Lens MLSEC03-BP03',
    'Security Hub SageMaker.21',
    'AWS Config sagemaker-notebook-instance-kms-key-configured',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html',
  ],
  needs: ['notebookInstances', 'kmsKeys'],
  messages: {
    // DescribeNotebookInstance omits KmsKeyId when the volume uses the AWS-managed key.
    noKey: 'Notebook instance {name} sets no KmsKeyId, so its volume uses an AWS-managed key.',
    awsManagedKey: 'Notebook instance {name} uses the AWS-managed KMS key {key}, not a customer-managed key.',
  },
  evaluate: ({ notebookInstances }, ctx) =>
    notebookInstances.map((nb) => {
      const reference = nb.kmsKeyId;
      if (!reference) return ctx.fail(nb, 'noKey', {}, { KmsKeyId: null });
      return judgeCustomerKey(ctx, nb, reference, 'awsManagedKey', { KmsKeyId: reference });
    }),
});
