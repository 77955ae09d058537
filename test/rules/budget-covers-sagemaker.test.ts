import rule from '../../rules/budget-covers-sagemaker.js';
import type { Rule } from '../../src/engine/rule.js';
import { ACCOUNT, describeError, inventory, listError } from '../support/builders.js';
import { budget } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const ACCOUNT_NAME = `account ${ACCOUNT}`;
const budgetArn = (name: string): string => `arn:aws:budgets::${ACCOUNT}:budget/${name}`;
const tagBudget = budget({
  name: 'churn-project',
  coversSageMaker: false,
  services: [],
  tagFilters: ['project=churn'],
});

runRuleTests(rule, {
  valid: [
    { name: 'a COST budget on the SageMaker service with notifications', inventory: inventory({ budgets: [budget()] }) },
    {
      name: 'an unfiltered account budget with a notification covers SageMaker too',
      inventory: inventory({
        budgets: [
          budget({ name: 'account-monthly', unfiltered: true, coversSageMaker: false, services: [], notificationCount: 1 }),
        ],
      }),
    },
    {
      name: 'one good budget among others that do not cover SageMaker',
      inventory: inventory({
        budgets: [
          budget({ name: 'ec2-monthly', coversSageMaker: false, services: ['Amazon Elastic Compute Cloud - Compute'] }),
          budget({ name: 'sagemaker-hours', budgetType: 'USAGE' }),
          budget(),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no budget at all',
      inventory: inventory({}),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noBudget' }],
    },
    {
      name: 'budgets on other services, a USAGE budget on SageMaker, and (by default) a tag-filtered budget',
      inventory: inventory({
        budgets: [
          budget({ name: 'ec2-monthly', coversSageMaker: false, services: ['Amazon Elastic Compute Cloud - Compute'] }),
          budget({ name: 'sagemaker-hours', budgetType: 'USAGE' }),
          budget({ name: 'us-east-1-only', coversSageMaker: false, services: [] }),
          tagBudget,
        ],
      }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noBudget' }],
    },
    {
      name: 'a SageMaker COST budget without notifications',
      inventory: inventory({ budgets: [budget({ notificationCount: 0 })] }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noNotification' }],
    },
  ],
  error: [
    {
      name: 'DescribeBudgets denied: the account result is ERROR',
      inventory: inventory({ budgets: [], errors: [listError('budgets')] }),
      errors: [ACCOUNT_NAME, 'budgets (global)'],
    },
    {
      name: "a budget's notifications could not be read, and no other budget qualifies",
      inventory: inventory({
        budgets: [budget({ notificationCount: 0 })],
        errors: [describeError('budgets', budgetArn('sagemaker-monthly'))],
      }),
      errors: [ACCOUNT_NAME, 'sagemaker-monthly'],
    },
  ],
});

/** acceptTagFilteredBudgets counts a budget filtered only on tags. */
const withTags: Rule = { ...rule, options: { acceptTagFilteredBudgets: true } };
runRuleTests(withTags, {
  valid: [{ name: 'acceptTagFilteredBudgets: a project budget with alerts', inventory: inventory({ budgets: [tagBudget] }) }],
  invalid: [
    {
      name: 'acceptTagFilteredBudgets: a tag budget restricted to other services still does not count',
      inventory: inventory({
        budgets: [{ ...tagBudget, services: ['Amazon Elastic Compute Cloud - Compute'] }],
      }),
      failures: [{ resource: ACCOUNT_NAME, messageId: 'noBudget' }],
    },
  ],
  error: [
    {
      name: 'acceptTagFilteredBudgets: DescribeBudgets denied',
      inventory: inventory({ errors: [listError('budgets')] }),
      errors: [ACCOUNT_NAME, 'budgets (global)'],
    },
  ],
});
