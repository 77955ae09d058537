import rule from '../../rules/domain-sso.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { domain } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'an SSO domain linked to an Identity Center application', inventory: inventory({ domains: [domain()] }) },
    {
      name: 'an older SSO domain that reports only the managed application instance id',
      inventory: inventory({ domains: [domain({ name: 'domain-pass-legacy-sso', singleSignOnApplicationArn: undefined })] }),
    },
  ],
  invalid: [
    {
      name: 'IAM authentication',
      inventory: inventory({ domains: [domain(), domain({ name: 'domain-fail-iam', domainId: 'd-iam000000001', authMode: 'IAM', singleSignOnApplicationArn: undefined, singleSignOnManagedApplicationInstanceId: undefined })] }),
      failures: [{ resource: 'domain-fail-iam', messageId: 'iamAuth' }],
    },
    {
      name: 'SSO mode without any Identity Center application',
      inventory: inventory({
        domains: [domain({ name: 'domain-fail-sso-unlinked', singleSignOnApplicationArn: undefined, singleSignOnManagedApplicationInstanceId: undefined })],
      }),
      failures: [{ resource: 'domain-fail-sso-unlinked', messageId: 'ssoWithoutApplication' }],
    },
    {
      name: 'no AuthMode reported is not SSO',
      inventory: inventory({ domains: [domain({ name: 'domain-fail-no-mode', authMode: undefined })] }),
      failures: [{ resource: 'domain-fail-no-mode', messageId: 'iamAuth' }],
    },
  ],
  error: [
    {
      name: 'DescribeDomain failed for one domain',
      inventory: inventory({ domains: [domain()], errors: [describeError('domains', sagemakerArn('domain', 'd-unreadable01'))] }),
      errors: ['d-unreadable01'],
    },
    {
      name: 'ListDomains denied: the scope is ERROR',
      inventory: inventory({ errors: [listError('domains')] }),
      errors: ['domains (us-east-1)'],
    },
  ],
});
