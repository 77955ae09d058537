import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import { GLOBAL_REGION } from '../src/inventory/model.js';

/*
 * A budget covers SageMaker when it tracks cost (BudgetType COST) and either its service filter admits Amazon
 * SageMaker or it has no filter at all (the whole account, SageMaker included). A budget filtered on something else
 * (a region, a linked account, a cost category) covers SageMaker only in part and does not count. Tag-filtered budgets
 * count only with the option acceptTagFilteredBudgets: they follow a project's spend, but untagged SageMaker resources
 * escape them. Budgets kept in an Organizations management account for this member account are not visible from it.
 */
export default defineRule({
  id: 'budget-covers-sagemaker',
  title: 'A cost budget with alerts covers SageMaker spend',
  severity: 'medium',
  kind: 'practice',
  phase: 'business-goal',
  dimensions: ['governance'],
  pillars: ['cost'],
  rationale:
    'GPU training jobs and endpoints left running can spend a month of budget in days. A COST budget on SageMaker ' +
    '(or on the whole account) with notifications is what tells the owners before the bill does. Option ' +
    'acceptTagFilteredBudgets (default false) also counts budgets filtered only on cost allocation tags.',
  remediation: {
    summary:
      'Create a monthly COST budget filtered on the service Amazon SageMaker (or an unfiltered account budget) with ' +
      'actual and forecasted notifications to the team that owns the spend.',
    console:
      'Billing and Cost Management console > Budgets > Create budget > Cost budget > Budget scope: Filter specific ' +
      'AWS cost dimensions > Service = Amazon SageMaker; add alert thresholds and recipients.',
    cli:
      'aws budgets create-budget --account-id <account-id> --budget file://sagemaker-budget.json ' +
      '--notifications-with-subscribers file://notifications.json',
  },
  references: [
    'ML Lens MLCOST04-BP12',
    'ML Lens MLCOST01-BP01',
    'https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html',
    'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_DescribeBudgets.html',
  ],
  needs: ['budgets'],
  options: { acceptTagFilteredBudgets: false },
  messages: {
    noBudget: 'No COST budget covers SageMaker: none filters on the SageMaker service or tracks the whole account.',
    noNotification: 'COST budgets cover SageMaker ({budgets}), but none has a notification.',
  },
  evaluate: ({ budgets }, ctx) => {
    const account = ctx.accountResource();
    const covering = budgets.filter(
      (b) =>
        b.budgetType === 'COST' &&
        (b.coversSageMaker ||
          b.unfiltered ||
          (ctx.options.acceptTagFilteredBudgets && b.tagFilters.length > 0 && b.services.length === 0)),
    );
    const alerting = covering.filter((b) => b.notificationCount > 0);
    const evidence = {
      Budgets: budgets.map(
        (b) =>
          `${b.name}: ${b.budgetType}, ${b.unfiltered ? 'unfiltered' : `services [${b.services.join(', ')}], tags [${b.tagFilters.join(', ')}]`}, ` +
          `${b.notificationCount} notification(s)`,
      ),
      Covering: covering.map((b) => b.name),
    };
    if (alerting.length > 0) return [ctx.pass(account, evidence)];
    // A budget that could not be read (or whose notifications could not) might be the one.
    const gap = ctx.gap('budgets', GLOBAL_REGION);
    if (gap) return [ctx.error(account, `Not evaluated: ${describeCollectionError(gap)}.`, evidence)];
    if (covering.length === 0) return [ctx.fail(account, 'noBudget', {}, evidence)];
    return [ctx.fail(account, 'noNotification', { budgets: covering.map((b) => b.name).join(', ') }, evidence)];
  },
});
