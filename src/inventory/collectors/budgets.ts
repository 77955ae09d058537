import {
  paginateDescribeBudgets,
  paginateDescribeNotificationsForBudget,
  type Budget as SdkBudget,
  type BudgetsClient,
  type Expression,
} from '@aws-sdk/client-budgets';
import { classifyError } from '../../aws/classify-error.js';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import { GLOBAL_REGION, type CollectionError, type Slice } from '../model.js';
import type { Budget } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** Whether a filter lets SageMaker spend into the budget: by naming it, by excluding it, or by not filtering services. */
type ServiceVerdict = 'sagemaker' | 'excluded' | 'unrestricted';

/** Billing names the service "Amazon SageMaker"; any service name containing SageMaker counts, whatever the case. */
const isSageMaker = (service: string): boolean => service.toLowerCase().includes('sagemaker');

function allOf(verdicts: ServiceVerdict[]): ServiceVerdict {
  if (verdicts.includes('excluded')) return 'excluded';
  return verdicts.includes('sagemaker') ? 'sagemaker' : 'unrestricted';
}

function anyOf(verdicts: ServiceVerdict[]): ServiceVerdict {
  if (verdicts.includes('sagemaker')) return 'sagemaker';
  if (verdicts.includes('unrestricted') || verdicts.length === 0) return 'unrestricted';
  return 'excluded';
}

interface FilterSummary {
  verdict: ServiceVerdict;
  services: Set<string>;
  tags: Set<string>;
  /** Any filter at all (dimension, tag or cost category), at any depth. */
  filtered: boolean;
}

/**
 * Walks a FilterExpression. A SERVICE dimension decides on its own; other dimensions, tags and cost categories narrow
 * the spend without saying anything about the service. And needs every branch to admit SageMaker, Or any one; Not
 * turns "only SageMaker" into "everything but SageMaker" and the reverse. Services under a Not are not listed.
 */
function walk(e: Expression | undefined, out: FilterSummary, negated = false): ServiceVerdict {
  if (!e) return 'unrestricted';
  const parts: ServiceVerdict[] = [];
  if (e.Dimensions) {
    out.filtered = true;
    if (e.Dimensions.Key === 'SERVICE') {
      const values = e.Dimensions.Values ?? [];
      if (!negated) for (const v of values) out.services.add(v);
      parts.push(values.some(isSageMaker) ? 'sagemaker' : 'excluded');
    }
  }
  if (e.Tags) {
    out.filtered = true;
    if (!negated) for (const v of e.Tags.Values ?? ['']) out.tags.add(`${e.Tags.Key ?? ''}=${v}`);
  }
  if (e.CostCategories) out.filtered = true;
  if (e.And) parts.push(allOf(e.And.map((x) => walk(x, out, negated))));
  if (e.Or) parts.push(anyOf(e.Or.map((x) => walk(x, out, negated))));
  if (e.Not) {
    const inner = walk(e.Not, out, !negated);
    parts.push(inner === 'sagemaker' ? 'excluded' : inner === 'excluded' ? 'sagemaker' : 'unrestricted');
  }
  return allOf(parts);
}

/** CostFilters tag values are `user:<key>$<value>`. */
function tagKeyValue(raw: string): string {
  const withoutPrefix = raw.replace(/^user:/, '');
  const dollar = withoutPrefix.indexOf('$');
  return dollar >= 0 ? `${withoutPrefix.slice(0, dollar)}=${withoutPrefix.slice(dollar + 1)}` : withoutPrefix;
}

export function budgetArn(accountId: string, name: string): string {
  return `arn:aws:budgets::${accountId}:budget/${name}`;
}

export function toBudget(b: SdkBudget, accountId: string, notificationCount: number): Budget {
  const summary: FilterSummary = { verdict: 'unrestricted', services: new Set(), tags: new Set(), filtered: false };
  // The legacy CostFilters map and the FilterExpression can both be present; the budget applies both.
  const legacy: ServiceVerdict[] = [];
  for (const [key, values] of Object.entries(b.CostFilters ?? {})) {
    if (values.length === 0) continue;
    summary.filtered = true;
    if (key === 'Service') {
      for (const v of values) summary.services.add(v);
      legacy.push(values.some(isSageMaker) ? 'sagemaker' : 'excluded');
    }
    if (key === 'TagKeyValue') for (const v of values) summary.tags.add(tagKeyValue(v));
  }
  const verdict = allOf([...legacy, walk(b.FilterExpression, summary)]);
  const name = b.BudgetName ?? '';
  return {
    arn: budgetArn(accountId, name),
    name,
    region: GLOBAL_REGION,
    resourceType: SLICES.budgets.resourceType,
    tags: {},
    budgetType: b.BudgetType ?? 'Unknown',
    ...(b.TimeUnit ? { timeUnit: b.TimeUnit } : {}),
    ...(b.BudgetLimit?.Amount !== undefined && b.BudgetLimit.Unit !== undefined
      ? { limit: { amount: b.BudgetLimit.Amount, unit: b.BudgetLimit.Unit } }
      : {}),
    unfiltered: !summary.filtered,
    coversSageMaker: verdict === 'sagemaker',
    services: [...summary.services].sort(),
    tagFilters: [...summary.tags].sort(),
    notificationCount,
  };
}

/**
 * Budgets are global, but collect.ts calls regional collectors once per scanned region. A derived collector runs
 * once per scan with every region, so budgets are derived, from nothing (dependsOn is empty): DescribeBudgets is
 * called once per account.
 */
export const budgetsCollector: DerivedCollector<'budgets'> = {
  slice: 'budgets',
  scope: 'derived',
  operations: ['budgets:DescribeBudgets', 'budgets:DescribeNotificationsForBudget'],
  collect: async (ctx: CollectorContext): Promise<Slice<Budget>> => {
    // The Budgets endpoint is global; the factory signs it for us-east-1 whatever region is asked for.
    const client: BudgetsClient = ctx.clients.get('budgets', 'us-east-1');
    const limit = ctx.limit('budgets', GLOBAL_REGION);
    const errors: CollectionError[] = [];
    const where = (operation: string, resourceArn?: string) => ({
      slice: 'budgets' as const,
      region: GLOBAL_REGION,
      service: 'budgets' as const,
      operation,
      ...(resourceArn !== undefined ? { resourceArn } : {}),
    });

    const listed: SdkBudget[] = [];
    try {
      await limit(async () => {
        const pages = paginateDescribeBudgets(
          { client, pageSize: 100 },
          { AccountId: ctx.accountId, ShowFilterExpression: true },
        );
        for await (const page of pages) {
          ctx.signal?.throwIfAborted();
          listed.push(...(page.Budgets ?? []));
        }
      });
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      // DescribeBudgets documents NotFoundException; for the list of an account's budgets it can only mean there are
      // none. Reading it so can only lead to a FAIL ("no budget"), never to a PASS.
      if (classifyError(err).code !== 'NotFoundException') errors.push(collectionError(err, where('DescribeBudgets')));
    }

    const items = await Promise.all(
      listed.map((b) =>
        limit(async (): Promise<Budget | undefined> => {
          ctx.signal?.throwIfAborted();
          const name = b.BudgetName ?? '';
          let count = 0;
          try {
            const pages = paginateDescribeNotificationsForBudget(
              { client, pageSize: 100 },
              { AccountId: ctx.accountId, BudgetName: name },
            );
            for await (const page of pages) count += page.Notifications?.length ?? 0;
          } catch (err) {
            if (ctx.signal?.aborted) throw err;
            // NotFoundException can mean the budget has no notifications or was deleted since it was listed. Either
            // way it alerts nobody, so it is kept with none: that can make a rule FAIL, never PASS.
            if (classifyError(err).code !== 'NotFoundException') {
              errors.push(collectionError(err, where('DescribeNotificationsForBudget', budgetArn(ctx.accountId, name))));
              return undefined;
            }
          }
          return toBudget(b, ctx.accountId, count);
        }),
      ),
    );

    return {
      items: items.filter((b): b is Budget => b !== undefined).sort((a, b) => a.arn.localeCompare(b.arn)),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
