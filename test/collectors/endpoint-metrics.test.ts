import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  type GetMetricDataInput,
  type GetMetricDataOutput,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  makeEndpointMetricsCollector,
  metricsWindow,
  toEndpointMetrics,
} from '../../src/inventory/collectors/endpoint-metrics.js';
import type { Endpoint, Slices } from '../../src/inventory/model.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const cw = mockClient(CloudWatchClient);
beforeEach(() => {
  cw.reset();
});
afterAll(() => {
  cw.restore();
});

const REGION = 'us-east-1';
const EU = 'eu-west-1';
const NOW = new Date('2026-03-02T10:37:12.000Z');
const WINDOW_END = new Date('2026-03-02T10:00:00.000Z');
const WINDOW_START = new Date('2026-02-16T10:00:00.000Z');
const collector = makeEndpointMetricsCollector(() => NOW);

function endpoint(name: string, overrides: Partial<Endpoint> = {}): Endpoint {
  const region = overrides.region ?? REGION;
  return {
    arn: `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:endpoint/${name}`,
    name,
    region,
    resourceType: 'AWS::SageMaker::Endpoint',
    tags: {},
    status: 'InService',
    endpointConfigName: `${name}-config`,
    creationTime: '2026-01-10T00:00:00.000Z',
    variants: [{ name: 'AllTraffic', currentInstanceCount: 2, desiredInstanceCount: 2, currentWeight: 1, serverless: false }],
    shadowVariantCount: 0,
    ...overrides,
  };
}

const sources = (...endpoints: Endpoint[]): Partial<Slices> => ({ endpoints: { items: endpoints, errors: [] } });

/** Daily sums as CloudWatch returns them: one value per day that had data points. */
function result(id: string, values: number[], status: MetricDataResult['StatusCode'] = 'Complete'): MetricDataResult {
  return {
    Id: id,
    Label: id,
    Timestamps: values.map((_, i) => new Date(WINDOW_START.getTime() + i * 86_400_000)),
    Values: values,
    StatusCode: status,
  };
}

/** Answers GetMetricData from `pages` (chained by NextToken) and records each call's input. */
function serve(pages: GetMetricDataOutput[]): GetMetricDataInput[] {
  const inputs: GetMetricDataInput[] = [];
  cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataInput) => {
    inputs.push({ ...input });
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('page-', ''));
    const page = pages[index];
    if (!page) throw new Error(`unexpected NextToken ${String(input.NextToken)}`);
    return { ...page, ...(index + 1 < pages.length ? { NextToken: `page-${index + 1}` } : {}) };
  });
  return inputs;
}

describe('metricsWindow', () => {
  it('ends at the last whole hour and spans 14 days', () => {
    expect(metricsWindow(NOW)).toEqual({ start: WINDOW_START, end: WINDOW_END, days: 14 });
  });
});

describe('toEndpointMetrics', () => {
  it('sums each variant and the endpoint, counting data points', () => {
    const ep = endpoint('churn-prod');
    expect(
      toEndpointMetrics(
        ep,
        [
          { variantName: 'blue', values: [100, 250, 0] },
          { variantName: 'green', values: [] },
        ],
        metricsWindow(NOW),
      ),
    ).toEqual({
      arn: ep.arn,
      name: 'churn-prod',
      region: REGION,
      resourceType: 'AWS::SageMaker::Endpoint',
      tags: {},
      endpointName: 'churn-prod',
      windowDays: 14,
      windowStart: '2026-02-16T10:00:00.000Z',
      windowEnd: '2026-03-02T10:00:00.000Z',
      invocations: 350,
      variants: [
        { variantName: 'blue', invocations: 350, dataPoints: 3 },
        { variantName: 'green', invocations: 0, dataPoints: 0 },
      ],
      dataPoints: 3,
    });
  });
});

describe('endpointMetricsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(collector.operations).toEqual(['cloudwatch:GetMetricData']);
  });

  it('asks once for the daily Invocations sum of every instance variant of InService endpoints, over two pages', async () => {
    const inputs = serve([
      { MetricDataResults: [result('m0', [120, 80]), result('m1', [5]), result('m2', [])] },
      { MetricDataResults: [result('m0', [40])] },
    ]);
    const { ctx, notes } = collectorContext();
    const slice = await collector.collect(
      ctx,
      [REGION],
      sources(
        endpoint('churn-prod'),
        endpoint('ab-test', {
          variants: [
            { name: 'champion', currentInstanceCount: 1, currentWeight: 0.9, serverless: false },
            { name: 'serverless', currentWeight: 0.1, serverless: true },
            { name: 'challenger', currentInstanceCount: 1, currentWeight: 0, serverless: false },
          ],
        }),
        endpoint('serverless-only', { variants: [{ name: 'AllTraffic', currentWeight: 1, serverless: true }] }),
        endpoint('being-created', { status: 'Creating' }),
      ),
    );

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((m) => [m.name, m.invocations, m.dataPoints, m.variants.map((v) => v.variantName)])).toEqual([
      ['ab-test', 5, 1, ['champion', 'challenger']],
      ['churn-prod', 240, 3, ['AllTraffic']],
    ]);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({ StartTime: WINDOW_START, EndTime: WINDOW_END, ScanBy: 'TimestampAscending', NextToken: undefined });
    expect(inputs[1]?.NextToken).toBe('page-1');
    expect(inputs[0]?.MetricDataQueries).toEqual([
      {
        Id: 'm0',
        Label: 'churn-prod/AllTraffic',
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/SageMaker',
            MetricName: 'Invocations',
            Dimensions: [
              { Name: 'EndpointName', Value: 'churn-prod' },
              { Name: 'VariantName', Value: 'AllTraffic' },
            ],
          },
          Period: 86_400,
          Stat: 'Sum',
        },
      },
      expect.objectContaining({ Id: 'm1', Label: 'ab-test/champion' }),
      expect.objectContaining({ Id: 'm2', Label: 'ab-test/challenger' }),
    ]);
    expect(notes).toEqual(['endpointMetrics: invocations summed over the 14 days from 2026-02-16T10:00:00.000Z to 2026-03-02T10:00:00.000Z']);
  });

  it('reports an endpoint with no data points at all as 0 invocations, not as missing', async () => {
    serve([{ MetricDataResults: [result('m0', [])] }]);
    const { ctx } = collectorContext();
    const slice = await collector.collect(ctx, [REGION], sources(endpoint('forgotten-test')));

    expect(slice.items).toMatchObject([{ name: 'forgotten-test', invocations: 0, dataPoints: 0 }]);
  });

  it('splits more than 500 variant queries into several calls, keeping each endpoint in one call', async () => {
    const twoVariants = (i: number) =>
      endpoint(`ep-${String(i).padStart(3, '0')}`, {
        variants: [
          { name: 'a', currentInstanceCount: 1, currentWeight: 0.5, serverless: false },
          { name: 'b', currentInstanceCount: 1, currentWeight: 0.5, serverless: false },
        ],
      });
    const calls: number[] = [];
    cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataInput) => {
      const queries = input.MetricDataQueries ?? [];
      calls.push(queries.length);
      return { MetricDataResults: queries.map((q) => result(q.Id ?? '', [1])) };
    });
    const { ctx } = collectorContext();
    const slice = await collector.collect(ctx, [REGION], sources(...Array.from({ length: 251 }, (_, i) => twoVariants(i))));

    expect(calls.sort()).toEqual([2, 500]);
    expect(slice.items).toHaveLength(251);
    expect(slice.items.every((m) => m.invocations === 2)).toBe(true);
  });

  it('a denied GetMetricData is an error for each endpoint it would have measured, with no items', async () => {
    const message = notAuthorized('cloudwatch:GetMetricData', '*');
    cw.on(GetMetricDataCommand).rejects(serviceError(CloudWatchServiceException, 'AccessDenied', message, 403));
    const { ctx } = collectorContext();
    const slice = await collector.collect(ctx, [REGION], sources(endpoint('churn-prod'), endpoint('fraud-staging')));

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual(
      ['churn-prod', 'fraud-staging'].map((name) => ({
        slice: 'endpointMetrics',
        region: REGION,
        operation: 'GetMetricData',
        action: 'cloudwatch:GetMetricData',
        kind: 'access-denied',
        code: 'AccessDenied',
        message,
        resourceArn: endpoint(name).arn,
      })),
    );
  });

  it('a failure on a later page drops the whole batch: partial sums are never reported', async () => {
    cw.on(GetMetricDataCommand)
      .resolvesOnce({ MetricDataResults: [result('m0', [0], 'PartialData')], NextToken: 'page-1' })
      .rejects(serviceError(CloudWatchServiceException, 'InternalServiceFault', 'Internal failure', 500));
    const { ctx } = collectorContext();
    const slice = await collector.collect(ctx, [REGION], sources(endpoint('churn-prod')));

    expect(slice.items).toEqual([]);
    expect(slice.errors).toMatchObject([{ resourceArn: endpoint('churn-prod').arn, operation: 'GetMetricData', code: 'InternalServiceFault' }]);
  });

  it('a query answered Forbidden or InternalError is an error for its endpoint only; other regions are asked separately', async () => {
    cw.on(GetMetricDataCommand).callsFake(async (input: GetMetricDataInput, getClient) => {
      const region = await getClient().config.region();
      if (region === EU) return { MetricDataResults: [result('m0', [9])] };
      return {
        MetricDataResults: [
          result('m0', [10]),
          { Id: 'm1', StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'Not authorized for this metric' }] },
          { Id: 'm2', StatusCode: 'InternalError', Messages: [{ Code: 'InternalError', Value: 'try again' }] },
        ],
      };
    });
    const { ctx } = collectorContext();
    const slice = await collector.collect(
      ctx,
      [REGION, EU],
      sources(endpoint('churn-prod'), endpoint('forbidden'), endpoint('flaky'), endpoint('churn-eu', { region: EU })),
    );

    expect(slice.items.map((m) => [m.name, m.region, m.invocations])).toEqual([
      ['churn-eu', EU, 9],
      ['churn-prod', REGION, 10],
    ]);
    expect(slice.errors.map((e) => [e.resourceArn, e.kind, e.code])).toEqual([
      [endpoint('flaky').arn, 'api-error', 'InternalError'],
      [endpoint('forbidden').arn, 'access-denied', 'AccessDenied'],
    ]);
  });

  it('makes no call and notes nothing when no endpoint is measured', async () => {
    const { ctx, notes } = collectorContext();
    const slice = await collector.collect(ctx, [REGION], sources(endpoint('paused', { status: 'OutOfService' })));

    expect(slice).toEqual({ items: [], errors: [] });
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(0);
    expect(notes).toEqual([]);
  });
});
