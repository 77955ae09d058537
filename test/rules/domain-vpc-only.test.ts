import rule from '../../rules/domain-vpc-only.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { domain } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a VpcOnly domain', inventory: inventory({ domains: [domain()] }) },
    {
      name: 'VpcOnly domains in two regions',
      inventory: inventory({ domains: [domain(), domain({ name: 'domain-pass-west', domainId: 'd-west00000001', region: OTHER_REGION })] }),
    },
  ],
  invalid: [
    {
      name: 'a domain on the public internet',
      inventory: inventory({
        domains: [domain(), domain({ name: 'domain-fail-public', domainId: 'd-public000001', appNetworkAccessType: 'PublicInternetOnly' })],
      }),
      failures: [{ resource: 'domain-fail-public', messageId: 'publicInternet' }],
    },
  ],
  error: [
    {
      name: 'DescribeDomain failed for one domain',
      inventory: inventory({ domains: [domain()], errors: [describeError('domains', sagemakerArn('domain', 'd-unreadable01'))] }),
      errors: ['d-unreadable01'],
    },
    {
      name: 'ListDomains denied in a region: the scope is ERROR, domains read keep their verdicts',
      inventory: inventory({
        domains: [domain({ name: 'domain-fail-west', domainId: 'd-west00000001', region: OTHER_REGION, appNetworkAccessType: 'PublicInternetOnly' })],
        errors: [listError('domains')],
      }),
      errors: ['domains (us-east-1)'],
      failures: [{ resource: 'domain-fail-west', messageId: 'publicInternet' }],
    },
  ],
});
