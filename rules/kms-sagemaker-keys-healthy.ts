import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'kms-sagemaker-keys-healthy',
  title: 'Customer-managed KMS keys used by SageMaker resources are enabled and rotated',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security', 'reliability'],
  rationale:
    'A key that is disabled or pending deletion makes every endpoint, notebook, job or feature store encrypted with ' +
    'it fail to start or to read its data, and a deleted key loses that data for good. Automatic rotation limits ' +
    'how much data any one key version protects.',
  remediation: {
    summary:
      'Re-enable the key or cancel its scheduled deletion if resources still use it, and turn on automatic rotation. ' +
      'Keys with imported material or asymmetric keys cannot rotate automatically; rotate them manually.',
    console:
      'AWS KMS console > Customer managed keys > (key) > Key actions > Enable; Key rotation tab > ' +
      'Automatically rotate this KMS key.',
    cli:
      'aws kms cancel-key-deletion --key-id <key-id>; aws kms enable-key --key-id <key-id>; ' +
      'aws kms enable-key-rotation --key-id <key-id>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'Security Hub KMS.3',
    'Security Hub KMS.4',
    'AWS Config cmk-backing-key-rotation-enabled',
    'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html',
  ],
  needs: ['kmsKeys'],
  messages: {
    notEnabled: 'KMS key {name} is {state}; the SageMaker resources encrypted with it cannot use it.',
    rotationDisabled: 'KMS key {name} does not rotate its key material automatically.',
  },
  evaluate: ({ kmsKeys }, ctx) =>
    kmsKeys.map((key) => {
      const evidence = {
        KeyManager: key.manager,
        KeyState: key.state,
        KeyRotationEnabled: key.rotationEnabled ?? null,
      };
      // AWS rotates AWS-managed keys itself and never disables them.
      if (key.manager === 'AWS') return ctx.pass(key, evidence);
      if (key.manager !== 'CUSTOMER') {
        return ctx.error(key, 'Not evaluated: DescribeKey reported no KeyManager.', evidence);
      }
      if (key.state !== 'Enabled') return ctx.fail(key, 'notEnabled', { state: key.state }, evidence);
      // Undefined when rotation does not apply: asymmetric and HMAC keys, imported key material.
      if (key.rotationEnabled === undefined) return ctx.pass(key, { ...evidence, rotationApplicable: false });
      return key.rotationEnabled ? ctx.pass(key, evidence) : ctx.fail(key, 'rotationDisabled', {}, evidence);
    }),
});
