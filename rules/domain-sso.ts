import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'domain-sso',
  title: 'Studio domains authenticate users through IAM Identity Center',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['governance'],
  pillars: ['security'],
  rationale:
    'With IAM Identity Center (SSO) users sign in with their corporate identity, so joiners and leavers, MFA and ' +
    'session policies are managed in one place and Studio activity is attributable to a person. In IAM mode anyone ' +
    'allowed sagemaker:CreatePresignedDomainUrl can open any user profile.',
  remediation: {
    summary:
      'The authentication mode cannot be changed after creation: create a new domain with AuthMode SSO (IAM ' +
      'Identity Center enabled in the same region), assign users and groups to it, and migrate user profiles. An SSO ' +
      'domain without an Identity Center application must be recreated as well.',
    console:
      'SageMaker AI console > Admin configurations > Domains > Create domain > Set up for organizations > ' +
      'Authentication: AWS IAM Identity Center.',
    cli:
      'aws sagemaker create-domain --domain-name <name> --auth-mode SSO --vpc-id <vpc> --subnet-ids <subnet> ' +
      '--app-network-access-type VpcOnly --kms-key-id <key-arn> --default-user-settings \'{"ExecutionRole":"<role-arn>"}\'',
  },
  references: [
    'ML Lens MLSEC03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeDomain.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html',
  ],
  needs: ['domains'],
  messages: {
    iamAuth: 'Studio domain {name} authenticates users with IAM (AuthMode {mode}), not IAM Identity Center.',
    ssoWithoutApplication: 'Studio domain {name} uses AuthMode SSO but is linked to no IAM Identity Center application.',
  },
  evaluate: ({ domains }, ctx) =>
    domains.map((domain) => {
      const evidence = {
        AuthMode: domain.authMode ?? null,
        SingleSignOnApplicationArn: domain.singleSignOnApplicationArn ?? null,
        SingleSignOnManagedApplicationInstanceId: domain.singleSignOnManagedApplicationInstanceId ?? null,
      };
      if (domain.authMode !== 'SSO') return ctx.fail(domain, 'iamAuth', { mode: domain.authMode ?? 'not set' }, evidence);
      // Domains created before SingleSignOnApplicationArn existed report only the managed application instance id.
      const linked = domain.singleSignOnApplicationArn ?? domain.singleSignOnManagedApplicationInstanceId;
      return linked ? ctx.pass(domain, evidence) : ctx.fail(domain, 'ssoWithoutApplication', {}, evidence);
    }),
});
