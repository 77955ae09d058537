import {
  AccessDeniedException,
  BudgetsClient,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  NotFoundException,
  ThrottlingException,
  type Budget as SdkBudget,
  type DescribeBudgetsResponse,
  type DescribeNotificationsForBudgetResponse,
  type Notification,
} from '@aws-sdk/client-budgets';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { budgetArn, budgetsCollector, toBudget } from '../../src/inventory/collectors/budgets.js';
import { ACCOUNT_ID, collectorContext, notAuthorized } from '../support/collector-context.js';

const budgets = mockClient(BudgetsClient);
beforeEach(() => {
  budgets.reset();
});
afterAll(() => {
  budgets.restore();
});

const REGIONS = ['us-east-1', 'eu-west-1'];

const base = (name: string, extra: Partial<SdkBudget> = {}): SdkBudget => ({
  BudgetName: name,
  BudgetLimit: { Amount: '5000.0', Unit: 'USD' },
  TimeUnit: 'MONTHLY',
  TimePeriod: { Start: new Date('2025-01-01T00:00:00.000Z'), End: new Date('2087-06-15T00:00:00.000Z') },
  CalculatedSpend: { ActualSpend: { Amount: '1234.56', Unit: 'USD' } },
  BudgetType: 'COST',
  LastUpdatedTime: new Date('2025-05-01T00:00:00.000Z'),
  ...extra,
});

const notification = (threshold: number, type: 'ACTUAL' | 'FORECASTED' = 'ACTUAL'): Notification => ({
  NotificationType: type,
  ComparisonOperator: 'GREATER_THAN',
  Threshold: threshold,
  ThresholdType: 'PERCENTAGE',
  NotificationState: 'OK',
});

describe('toBudget', () => {
  it('reads the legacy CostFilters service filter and tag filters', () => {
    const b = toBudget(
      base('sagemaker-monthly', { CostFilters: { Service: ['Amazon SageMaker'], TagKeyValue: ['user:project$churn'] } }),
      ACCOUNT_ID,
      2,
    );
    expect(b).toEqual({
      arn: `arn:aws:budgets::${ACCOUNT_ID}:budget/sagemaker-monthly`,
      name: 'sagemaker-monthly',
      region: 'global',
      resourceType: 'AWS::Budgets::Budget',
      tags: {},
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limit: { amount: '5000.0', unit: 'USD' },
      unfiltered: false,
      coversSageMaker: true,
      services: ['Amazon SageMaker'],
      tagFilters: ['project=churn'],
      notificationCount: 2,
    });
  });

  it('reads a FilterExpression SERVICE dimension, inside And with other dimensions', () => {
    const b = toBudget(
      base('ml-us-east-1', {
        FilterExpression: {
          And: [
            { Dimensions: { Key: 'SERVICE', Values: ['Amazon SageMaker', 'Amazon Simple Storage Service'] } },
            { Dimensions: { Key: 'REGION', Values: ['us-east-1'] } },
          ],
        },
      }),
      ACCOUNT_ID,
      1,
    );
    expect(b).toMatchObject({ coversSageMaker: true, unfiltered: false, services: ['Amazon SageMaker', 'Amazon Simple Storage Service'] });
  });

  it.each<[string, Partial<SdkBudget>, { coversSageMaker: boolean; unfiltered: boolean }]>([
    ['no filter at all: the whole account', {}, { coversSageMaker: false, unfiltered: true }],
    ['empty CostFilters lists count as no filter', { CostFilters: { Service: [] } }, { coversSageMaker: false, unfiltered: true }],
    ['another service', { CostFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } }, { coversSageMaker: false, unfiltered: false }],
    ['only a region', { FilterExpression: { Dimensions: { Key: 'REGION', Values: ['us-east-1'] } } }, { coversSageMaker: false, unfiltered: false }],
    [
      'Or of SageMaker and a tag',
      { FilterExpression: { Or: [{ Dimensions: { Key: 'SERVICE', Values: ['Amazon SageMaker'] } }, { Tags: { Key: 'project', Values: ['churn'] } }] } },
      { coversSageMaker: true, unfiltered: false },
    ],
    [
      'everything but SageMaker (Not)',
      { FilterExpression: { Not: { Dimensions: { Key: 'SERVICE', Values: ['Amazon SageMaker'] } } } },
      { coversSageMaker: false, unfiltered: false },
    ],
    [
      'everything but EC2 (Not) admits SageMaker',
      { FilterExpression: { Not: { Dimensions: { Key: 'SERVICE', Values: ['Amazon Elastic Compute Cloud - Compute'] } } } },
      { coversSageMaker: true, unfiltered: false },
    ],
    [
      'a legacy SageMaker filter narrowed by an expression that excludes it',
      {
        CostFilters: { Service: ['Amazon SageMaker'] },
        FilterExpression: { Dimensions: { Key: 'SERVICE', Values: ['AWS Lambda'] } },
      },
      { coversSageMaker: false, unfiltered: false },
    ],
  ])('%s', (_name, extra, expected) => {
    expect(toBudget(base('b', extra), ACCOUNT_ID, 1)).toMatchObject(expected);
  });

  it('lists tag filters from an expression, but not those under Not', () => {
    const b = toBudget(
      base('tags', {
        FilterExpression: {
          And: [{ Tags: { Key: 'project', Values: ['churn', 'fraud'] } }, { Not: { Tags: { Key: 'env', Values: ['dev'] } } }],
        },
      }),
      ACCOUNT_ID,
      1,
    );
    expect(b).toMatchObject({ tagFilters: ['project=churn', 'project=fraud'], services: [], coversSageMaker: false });
  });
});

function serve(pages: SdkBudget[][], notifications: Record<string, Notification[][] | Error> = {}) {
  const inputs: Record<string, unknown>[] = [];
  budgets.on(DescribeBudgetsCommand).callsFake((input: Record<string, unknown>) => {
    inputs.push({ ...input });
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const out: DescribeBudgetsResponse = {
      Budgets: pages[index] ?? [],
      ...(index + 1 < pages.length ? { NextToken: String(index + 1) } : {}),
    };
    return out;
  });
  budgets.on(DescribeNotificationsForBudgetCommand).callsFake((input: { BudgetName: string; NextToken?: string }) => {
    const served = notifications[input.BudgetName] ?? [[notification(80), notification(100, 'FORECASTED')]];
    if (served instanceof Error) throw served;
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const out: DescribeNotificationsForBudgetResponse = {
      Notifications: served[index] ?? [],
      ...(index + 1 < served.length ? { NextToken: String(index + 1) } : {}),
    };
    return out;
  });
  return inputs;
}

describe('budgetsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(budgetsCollector.operations).toEqual(['budgets:DescribeBudgets', 'budgets:DescribeNotificationsForBudget']);
  });

  it('is derived from nothing, so it runs once per scan however many regions are scanned', () => {
    expect(budgetsCollector.scope).toBe('derived');
  });

  it('pages DescribeBudgets once for the account (MaxResults 100, filter expressions shown) and counts notifications', async () => {
    const inputs = serve(
      [[base('sagemaker-monthly', { CostFilters: { Service: ['Amazon SageMaker'] } }), base('account-total')], [base('ec2')]],
      { 'account-total': [[notification(50)], [notification(90), notification(100)]], ec2: [[]] },
    );
    const { ctx } = collectorContext();
    const slice = await budgetsCollector.collect(ctx, REGIONS, {});

    expect(slice.errors).toEqual([]);
    expect(inputs).toEqual([
      { AccountId: ACCOUNT_ID, ShowFilterExpression: true, MaxResults: 100, NextToken: undefined },
      { AccountId: ACCOUNT_ID, ShowFilterExpression: true, MaxResults: 100, NextToken: '1' },
    ]);
    expect(slice.items.map((b) => [b.name, b.notificationCount])).toEqual([
      ['account-total', 3],
      ['ec2', 0],
      ['sagemaker-monthly', 2],
    ]);
    expect(slice.items.every((b) => b.region === 'global')).toBe(true);
    expect(budgets.commandCalls(DescribeNotificationsForBudgetCommand).map((c) => c.args[0].input)).toContainEqual({
      AccountId: ACCOUNT_ID,
      BudgetName: 'account-total',
      MaxResults: 100,
      NextToken: '1',
    });
  });

  it('reports a denied DescribeBudgets as a global error naming budgets:ViewBudget, with no items', async () => {
    const message = notAuthorized('budgets:ViewBudget', `arn:aws:budgets::${ACCOUNT_ID}:budget/*`);
    budgets.on(DescribeBudgetsCommand).rejects(new AccessDeniedException({ message, $metadata: { httpStatusCode: 400 } }));
    const { ctx } = collectorContext();
    const slice = await budgetsCollector.collect(ctx, REGIONS, {});

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'budgets',
        region: 'global',
        operation: 'DescribeBudgets',
        action: 'budgets:ViewBudget',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
    expect(budgets.commandCalls(DescribeNotificationsForBudgetCommand)).toHaveLength(0);
  });

  it('reads NotFoundException from DescribeBudgets as an account without budgets', async () => {
    budgets
      .on(DescribeBudgetsCommand)
      .rejects(new NotFoundException({ message: `Unable to get budgets for account ${ACCOUNT_ID}`, $metadata: { httpStatusCode: 400 } }));
    const { ctx } = collectorContext();
    expect(await budgetsCollector.collect(ctx, REGIONS, {})).toEqual({ items: [], errors: [] });
  });

  it("records a failed DescribeNotificationsForBudget against that budget and keeps the others", async () => {
    serve([[base('sagemaker-monthly'), base('account-total')]], {
      'account-total': new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }),
    });
    const { ctx } = collectorContext();
    const slice = await budgetsCollector.collect(ctx, REGIONS, {});

    expect(slice.items.map((b) => b.name)).toEqual(['sagemaker-monthly']);
    expect(slice.errors).toEqual([
      {
        slice: 'budgets',
        region: 'global',
        operation: 'DescribeNotificationsForBudget',
        action: 'budgets:ViewBudget',
        kind: 'throttled',
        code: 'ThrottlingException',
        message: 'Rate exceeded',
        resourceArn: budgetArn(ACCOUNT_ID, 'account-total'),
      },
    ]);
  });

  it('keeps a budget whose notifications answer NotFoundException (none, or deleted since listed) with none', async () => {
    serve([[base('sagemaker-monthly')]], {
      'sagemaker-monthly': new NotFoundException({ message: 'Unable to get notifications', $metadata: { httpStatusCode: 400 } }),
    });
    const { ctx } = collectorContext();
    const slice = await budgetsCollector.collect(ctx, REGIONS, {});

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((b) => [b.name, b.notificationCount])).toEqual([['sagemaker-monthly', 0]]);
  });
});
