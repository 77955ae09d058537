import rule from '../../rules/endpoint-shadow-or-ab.js';
import { describeError, endpoint, endpointVariant, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const abVariants = [endpointVariant({ name: 'champion', currentWeight: 0.9 }), endpointVariant({ name: 'challenger', currentWeight: 0.1 })];

runRuleTests(rule, {
  valid: [
    {
      name: 'a shadow variant beside the production variant',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-pass-shadow', shadowVariantCount: 1 })] }),
    },
    {
      name: 'two production variants that both take traffic',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-pass-ab', variants: abVariants })] }),
    },
    {
      name: 'endpoints that are not InService are not judged',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-ab', variants: abVariants }), endpoint({ name: 'ep-skip-updating', status: 'Updating' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'one variant, no shadow',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-pass-ab', variants: abVariants }), endpoint({ name: 'ep-fail-single' })] }),
      failures: [{ resource: 'ep-fail-single', messageId: 'singleVariant' }],
    },
    {
      name: 'a second variant with weight 0 takes no traffic',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-fail-idle-challenger',
            variants: [endpointVariant({ name: 'champion', currentWeight: 1 }), endpointVariant({ name: 'challenger', currentWeight: 0 })],
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-idle-challenger', messageId: 'singleVariant' }],
    },
  ],
  error: [
    {
      name: 'ListEndpoints denied in one region: scope ERROR, endpoints read elsewhere keep their verdicts',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'singleVariant' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-shadow', shadowVariantCount: 1 })],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});
