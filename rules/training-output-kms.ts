import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-output-kms',
  title: 'Training jobs encrypt model artifacts with a KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Model artifacts written to S3 encode what the model learned from the training data and can leak it. ' +
    'Encrypting them with your own KMS key means reading them needs a key grant, not only S3 access.',
  remediation: {
    summary:
      'Training jobs are immutable: set OutputDataConfig.KmsKeyId in the job launcher for future jobs (SageMaker ' +
      'Python SDK: Estimator(output_kms_key=...)), and re-encrypt existing artifacts in S3 if needed.',
    cli: 'aws sagemaker create-training-job ... --output-data-config S3OutputPath=s3://<bucket>/<prefix>,KmsKeyId=<key-arn>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OutputDataConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    noOutputKey: 'Training job {name} writes its model artifacts without an OutputDataConfig KmsKeyId.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      const evidence = { OutputKmsKeyId: job.outputKmsKeyId ?? null };
      return job.outputKmsKeyId ? ctx.pass(job, evidence) : ctx.fail(job, 'noOutputKey', {}, evidence);
    }),
});
