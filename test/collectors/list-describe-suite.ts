/**
 * The behaviour every SageMaker List + Describe collector shares (paging, a denied List, a denied Describe,
 * a resource deleted in between), run against each collector with responses shaped like the real API.
 */
import { SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, expect, it } from 'vitest';
import type { RegionalCollector } from '../../src/inventory/collector.js';
import type { SliceName } from '../../src/inventory/model.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const sagemakerArn = (type: string, name: string, region = REGION): string =>
  `arn:aws:sagemaker:${region}:${ACCOUNT}:${type}/${name}`;

export const sagemakerMock = mockClient(SageMakerClient);
type MockedCommand = Parameters<typeof sagemakerMock.on>[0];
/** Any SageMaker command class: `new (input: never)` accepts every command's constructor. */
export type SageMakerCommand = new (input: never) => object;

export interface ListDescribeCase<K extends SliceName, S extends object, D extends object> {
  collector: RegionalCollector<K>;
  list: { command: SageMakerCommand; operation: string; pageKey: string };
  describe: { command: SageMakerCommand; operation: string; nameKey: string };
  /** A List summary for `name`, typed with the SDK's summary type. */
  summary: (name: string) => S;
  /** A full Describe response for `name`, typed with the SDK's output type. */
  output: (name: string) => D;
  arn: (name: string) => string;
  /** What the Describe operation really answers for a resource that no longer exists. */
  notFound: (name: string) => Error;
  /** The List input the collector must send on every page, besides MaxResults and NextToken. */
  listInput?: Record<string, unknown>;
}

export interface ListDescribeMock {
  listInputs: Record<string, unknown>[];
  describedNames: string[];
}

/**
 * Serves `pages` from the List operation (chained by NextToken) and Describe outputs for every listed name,
 * except names in `describeErrors`, which fail with the given error. Inputs are snapshotted at call time:
 * the SDK paginator reuses and mutates one input object across pages.
 */
export function serveListDescribe<S extends object, D extends object>(
  c: ListDescribeCase<SliceName, S, D>,
  pages: string[][],
  describeErrors: Record<string, Error> = {},
): ListDescribeMock {
  const record: ListDescribeMock = { listInputs: [], describedNames: [] };
  sagemakerMock.on(c.list.command as unknown as MockedCommand).callsFake((input: Record<string, unknown>) => {
    record.listInputs.push({ ...input });
    const index = input.NextToken === undefined ? 0 : Number(String(input.NextToken).replace('page-', ''));
    const page = pages[index];
    if (!page) throw new Error(`unexpected NextToken ${String(input.NextToken)}`);
    return {
      [c.list.pageKey]: page.map((n) => c.summary(n)),
      ...(index + 1 < pages.length ? { NextToken: `page-${index + 1}` } : {}),
    };
  });
  sagemakerMock.on(c.describe.command as unknown as MockedCommand).callsFake((input: Record<string, unknown>) => {
    const name = String(input[c.describe.nameKey]);
    record.describedNames.push(name);
    const err = describeErrors[name];
    if (err) throw err;
    return c.output(name);
  });
  return record;
}

export function listDescribeSuite<K extends SliceName, S extends object, D extends object>(c: ListDescribeCase<K, S, D>): void {
  beforeEach(() => {
    sagemakerMock.reset();
  });
  afterAll(() => {
    sagemakerMock.restore();
  });

  it('pages through List with MaxResults 100 and NextToken, describing each resource by the name in its summary', async () => {
    const served = serveListDescribe(c, [['res-a', 'res-b'], ['res-c']]);
    const { ctx } = collectorContext();
    const slice = await c.collector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a'), c.arn('res-b'), c.arn('res-c')]);
    expect(slice.items.every((i) => i.region === REGION)).toBe(true);
    expect(served.listInputs).toEqual([
      { ...c.listInput, MaxResults: 100, NextToken: undefined },
      { ...c.listInput, MaxResults: 100, NextToken: 'page-1' },
    ]);
    expect([...served.describedNames].sort()).toEqual(['res-a', 'res-b', 'res-c']);
  });

  it(`reports a denied ${c.list.operation} as a region-wide access-denied error, with no items`, async () => {
    const message = notAuthorized(`sagemaker:${c.list.operation}`, c.arn('*'));
    sagemakerMock.on(c.list.command as unknown as MockedCommand).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await c.collector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: c.collector.slice,
        region: REGION,
        operation: c.list.operation,
        action: `sagemaker:${c.list.operation}`,
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
    expect(sagemakerMock.commandCalls(c.describe.command as unknown as MockedCommand)).toHaveLength(0);
  });

  it(`records a denied ${c.describe.operation} against that resource and collects the others`, async () => {
    const message = notAuthorized(`sagemaker:${c.describe.operation}`, c.arn('res-denied'));
    serveListDescribe(c, [['res-a', 'res-denied', 'res-c']], {
      'res-denied': serviceError(SageMakerServiceException, 'AccessDeniedException', message),
    });
    const { ctx } = collectorContext();
    const slice = await c.collector.collect(ctx, REGION);

    expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a'), c.arn('res-c')]);
    expect(slice.errors).toEqual([
      {
        slice: c.collector.slice,
        region: REGION,
        operation: c.describe.operation,
        action: `sagemaker:${c.describe.operation}`,
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: c.arn('res-denied'),
      },
    ]);
  });

  it('skips a resource deleted between List and Describe, without an error', async () => {
    const served = serveListDescribe(c, [['res-a', 'res-gone']], { 'res-gone': c.notFound('res-gone') });
    const { ctx } = collectorContext();
    const slice = await c.collector.collect(ctx, REGION);

    expect(served.describedNames).toContain('res-gone');
    expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a')]);
    expect(slice.errors).toEqual([]);
  });
}
