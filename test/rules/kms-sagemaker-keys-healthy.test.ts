import rule from '../../rules/kms-sagemaker-keys-healthy.js';
import {
  awsManagedKmsKey,
  describeError,
  inventory,
  kmsKey,
  kmsKeyArn,
  listError,
  OTHER_REGION,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const KEY_DISABLED = '2222aaaa-12ab-34cd-56ef-1234567890ab';
const KEY_PENDING_DELETION = '3333aaaa-12ab-34cd-56ef-1234567890ab';
const KEY_NO_ROTATION = '4444aaaa-12ab-34cd-56ef-1234567890ab';
const KEY_ASYMMETRIC = '5555aaaa-12ab-34cd-56ef-1234567890ab';
const KEY_UNREADABLE = '6666aaaa-12ab-34cd-56ef-1234567890ab';
const KEY_UNKNOWN_MANAGER = '7777aaaa-12ab-34cd-56ef-1234567890ab';

runRuleTests(rule, {
  valid: [
    {
      name: 'customer-managed, enabled, rotating',
      inventory: inventory({ kmsKeys: [kmsKey()] }),
    },
    {
      name: 'AWS-managed key (AWS rotates it)',
      inventory: inventory({ kmsKeys: [awsManagedKmsKey()] }),
    },
    {
      name: 'asymmetric or imported key: rotation status does not apply',
      inventory: inventory({
        kmsKeys: [kmsKey({ keyId: KEY_ASYMMETRIC, keySpec: 'RSA_2048', rotationEnabled: undefined })],
      }),
    },
  ],
  invalid: [
    {
      name: 'disabled and pending deletion',
      inventory: inventory({
        kmsKeys: [
          kmsKey(),
          kmsKey({ keyId: KEY_DISABLED, state: 'Disabled' }),
          kmsKey({ keyId: KEY_PENDING_DELETION, state: 'PendingDeletion', rotationEnabled: false }),
        ],
      }),
      failures: [
        { resource: KEY_DISABLED, messageId: 'notEnabled' },
        { resource: kmsKeyArn(KEY_PENDING_DELETION), messageId: 'notEnabled' },
      ],
    },
    {
      name: 'rotation disabled',
      inventory: inventory({
        kmsKeys: [awsManagedKmsKey(), kmsKey({ keyId: KEY_NO_ROTATION, rotationEnabled: false, region: OTHER_REGION })],
      }),
      failures: [{ resource: KEY_NO_ROTATION, messageId: 'rotationDisabled' }],
    },
  ],
  error: [
    {
      name: 'KMS keys not collectable in the region: the scope is ERROR, keys read keep their verdicts',
      inventory: inventory({
        kmsKeys: [
          kmsKey(),
          kmsKey({ keyId: KEY_DISABLED, state: 'Disabled' }),
          kmsKey({ keyId: KEY_NO_ROTATION, rotationEnabled: false, region: OTHER_REGION }),
        ],
        errors: [listError('kmsKeys')],
      }),
      errors: ['kmsKeys (us-east-1)'],
      failures: [
        { resource: KEY_DISABLED, messageId: 'notEnabled' },
        { resource: KEY_NO_ROTATION, messageId: 'rotationDisabled' },
      ],
    },
    {
      // Keys are found through the resources that use them: a source slice that failed leaves the key list incomplete.
      // That gap is reported, while each key that was read stands on its own DescribeKey.
      name: 'ListNotebookInstances denied: the source scope is ERROR, keys read there keep their verdicts',
      inventory: inventory({
        kmsKeys: [kmsKey(), kmsKey({ keyId: KEY_NO_ROTATION, rotationEnabled: false })],
        errors: [listError('notebookInstances')],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [{ resource: kmsKeyArn(KEY_NO_ROTATION), messageId: 'rotationDisabled' }],
    },
    {
      name: 'KeyManager not reported',
      inventory: inventory({
        kmsKeys: [kmsKey({ keyId: KEY_UNKNOWN_MANAGER, manager: 'Unknown', state: 'Disabled' })],
      }),
      errors: [KEY_UNKNOWN_MANAGER],
    },
    {
      name: 'DescribeKey denied for one key',
      inventory: inventory({
        kmsKeys: [kmsKey()],
        errors: [
          describeError('kmsKeys', kmsKeyArn(KEY_UNREADABLE), {
            kind: 'access-denied',
            code: 'AccessDeniedException',
          }),
        ],
      }),
      errors: [KEY_UNREADABLE],
    },
  ],
});
