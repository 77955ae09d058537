import { paginateGetMetricData, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import { METRICS_WINDOW_DAYS, SAGEMAKER_NAMESPACE, type EndpointMetrics } from '../model-monitoring.js';
import type { CollectionError, Endpoint, Slice } from '../model.js';
import { SLICES } from '../slices.js';

const DAY_MS = 86_400_000;
/** GetMetricData accepts at most 500 queries per call. */
const MAX_QUERIES = 500;

export interface MetricsWindow {
  start: Date;
  end: Date;
  days: number;
}

/** The window ends at the last whole hour, so that two scans within the hour ask CloudWatch the same question. */
export function metricsWindow(now: Date, days: number = METRICS_WINDOW_DAYS): MetricsWindow {
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return { start: new Date(end.getTime() - days * DAY_MS), end, days };
}

/** The variants whose invocations are measured: instance-based variants of an InService endpoint. */
export function measuredVariants(endpoint: Endpoint): string[] {
  if (endpoint.status !== 'InService') return [];
  return endpoint.variants.filter((v) => !v.serverless).map((v) => v.name);
}

export interface VariantValues {
  variantName: string;
  /** Daily sums GetMetricData returned for the variant, across all pages. */
  values: readonly number[];
}

export function toEndpointMetrics(endpoint: Endpoint, variants: readonly VariantValues[], window: MetricsWindow): EndpointMetrics {
  const perVariant = variants.map((v) => ({
    variantName: v.variantName,
    invocations: v.values.reduce((sum, x) => sum + x, 0),
    dataPoints: v.values.length,
  }));
  return {
    arn: endpoint.arn,
    name: endpoint.name,
    region: endpoint.region,
    resourceType: SLICES.endpointMetrics.resourceType,
    tags: {},
    endpointName: endpoint.name,
    windowDays: window.days,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    invocations: perVariant.reduce((sum, v) => sum + v.invocations, 0),
    variants: perVariant,
    dataPoints: perVariant.reduce((sum, v) => sum + v.dataPoints, 0),
  };
}

interface Query {
  id: string;
  endpoint: Endpoint;
  variantName: string;
}

/** Splits the queries into calls of at most MAX_QUERIES, never splitting one endpoint's variants across calls. */
function batches(endpoints: readonly Endpoint[]): Query[][] {
  const out: Query[][] = [];
  let current: Query[] = [];
  for (const endpoint of endpoints) {
    const variants = measuredVariants(endpoint);
    if (current.length + variants.length > MAX_QUERIES && current.length > 0) {
      out.push(current);
      current = [];
    }
    for (const variantName of variants) current.push({ id: `m${current.length}`, endpoint, variantName });
  }
  if (current.length > 0) out.push(current);
  return out;
}

function toMetricDataQuery(q: Query): MetricDataQuery {
  return {
    Id: q.id,
    Label: `${q.endpoint.name}/${q.variantName}`,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: SAGEMAKER_NAMESPACE,
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'EndpointName', Value: q.endpoint.name },
          { Name: 'VariantName', Value: q.variantName },
        ],
      },
      Period: DAY_MS / 1000,
      Stat: 'Sum',
    },
  };
}

/** A per-query failure GetMetricData reports in a result's StatusCode rather than by failing the call. */
function queryFailure(status: string, messages: string): Error & { $metadata: { httpStatusCode?: number } } {
  const err = new Error(messages || `GetMetricData returned StatusCode ${status}`) as Error & {
    $metadata: { httpStatusCode?: number };
  };
  err.name = status === 'Forbidden' ? 'AccessDenied' : status;
  err.$metadata = status === 'Forbidden' ? { httpStatusCode: 403 } : {};
  return err;
}

async function collectBatch(
  ctx: CollectorContext,
  region: string,
  batch: readonly Query[],
  window: MetricsWindow,
): Promise<Slice<EndpointMetrics>> {
  const values = new Map<string, number[]>(batch.map((q) => [q.id, []]));
  const failed = new Map<string, CollectionError>();
  const fail = (endpoint: Endpoint, err: unknown): void => {
    if (ctx.signal?.aborted) throw err;
    if (failed.has(endpoint.arn)) return;
    failed.set(
      endpoint.arn,
      collectionError(err, { slice: 'endpointMetrics', region, service: 'cloudwatch', operation: 'GetMetricData', resourceArn: endpoint.arn }),
    );
  };
  const byId = new Map(batch.map((q) => [q.id, q]));
  try {
    const client = ctx.clients.get('cloudwatch', region);
    const pages = paginateGetMetricData(
      { client },
      {
        MetricDataQueries: batch.map(toMetricDataQuery),
        StartTime: window.start,
        EndTime: window.end,
        ScanBy: 'TimestampAscending',
      },
    );
    for await (const page of pages) {
      ctx.signal?.throwIfAborted();
      for (const result of page.MetricDataResults ?? []) {
        const query = result.Id !== undefined ? byId.get(result.Id) : undefined;
        if (!query) continue;
        if (result.StatusCode === 'InternalError' || result.StatusCode === 'Forbidden') {
          const messages = (result.Messages ?? []).map((m) => `${m.Code ?? ''}: ${m.Value ?? ''}`).join('; ');
          fail(query.endpoint, queryFailure(result.StatusCode, messages));
          continue;
        }
        // PartialData only says that more values follow on the next page, which the paginator fetches.
        values.get(query.id)?.push(...(result.Values ?? []));
      }
    }
  } catch (err) {
    // A call that fails part-way leaves every sum of the batch short: none of them may be reported.
    for (const q of batch) fail(q.endpoint, err);
  }

  const items: EndpointMetrics[] = [];
  for (const endpoint of new Set(batch.map((q) => q.endpoint))) {
    if (failed.has(endpoint.arn)) continue;
    const variants = batch
      .filter((q) => q.endpoint === endpoint)
      .map((q) => ({ variantName: q.variantName, values: values.get(q.id) ?? [] }));
    items.push(toEndpointMetrics(endpoint, variants, window));
  }
  return { items, errors: [...failed.values()] };
}

/**
 * Sums AWS/SageMaker Invocations per day over the last METRICS_WINDOW_DAYS for every InService endpoint with
 * instance-based variants, one GetMetricData call (and its pages) per region for up to 500 variants.
 * The clock is read here, never in rules: `now` is injectable for tests.
 */
export function makeEndpointMetricsCollector(now: () => Date = () => new Date()): DerivedCollector<'endpointMetrics'> {
  return {
    slice: 'endpointMetrics',
    scope: 'derived',
    operations: ['cloudwatch:GetMetricData'],
    collect: async (ctx, _regions, sources): Promise<Slice<EndpointMetrics>> => {
      const window = metricsWindow(now());
      const byRegion = new Map<string, Endpoint[]>();
      for (const endpoint of sources.endpoints?.items ?? []) {
        if (measuredVariants(endpoint).length === 0) continue;
        byRegion.set(endpoint.region, [...(byRegion.get(endpoint.region) ?? []), endpoint]);
      }
      if (byRegion.size > 0) {
        ctx.note(
          `endpointMetrics: invocations summed over the ${window.days} days from ${window.start.toISOString()} ` +
            `to ${window.end.toISOString()}`,
        );
      }
      const parts = await Promise.all(
        [...byRegion].flatMap(([region, endpoints]) =>
          batches(endpoints).map((batch) => ctx.limit('cloudwatch', region)(() => collectBatch(ctx, region, batch, window))),
        ),
      );
      return {
        items: parts.flatMap((p) => p.items).sort((a, b) => a.arn.localeCompare(b.arn)),
        errors: parts.flatMap((p) => p.errors).sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
      };
    },
  };
}

export const endpointMetricsCollector = makeEndpointMetricsCollector();
