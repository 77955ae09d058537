import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'model-card-kms',
  title: 'Model cards are encrypted with a customer-managed KMS key',
  severity: 'low',
  kind: 'security',
  phase: 'problem-framing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Model cards describe training data, evaluation results, risks and intended users, often for regulated ' +
    'workloads. Without SecurityConfig.KmsKeyId they are encrypted with an AWS owned key, so you cannot restrict ' +
    'or audit who decrypts them.',
  remediation: {
    summary:
      'The key cannot be changed on an existing card: create a new model card with SecurityConfig.KmsKeyId set to a ' +
      'customer-managed key, copy the content, and archive the old card.',
    console:
      'SageMaker AI console > Governance > Model cards > Create model card > Encryption: choose a customer-managed ' +
      'KMS key.',
    cli:
      'aws sagemaker create-model-card --model-card-name <card> --security-config KmsKeyId=<key-arn> ' +
      '--content file://content.json --model-card-status Draft',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-cards.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelCardSecurityConfig.html',
  ],
  needs: ['modelCards'],
  messages: {
    noKey: 'Model card {name} sets no KMS key, so it is encrypted with an AWS owned key.',
    awsManagedKey: 'Model card {name} is encrypted with the AWS managed key {key}, not a customer-managed one.',
  },
  evaluate: ({ modelCards }, { pass, fail }) =>
    modelCards.map((card) => {
      const evidence = { ModelCardStatus: card.status, KmsKeyId: card.kmsKeyId ?? null };
      if (!card.kmsKeyId) return fail(card, 'noKey', {}, evidence);
      // An alias in the aws/ namespace names an AWS managed key, whoever's account it is in.
      if (/(^|:)alias\/aws\//.test(card.kmsKeyId)) return fail(card, 'awsManagedKey', { key: card.kmsKeyId }, evidence);
      return pass(card, evidence);
    }),
});
