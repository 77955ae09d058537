import type { LimitFunction } from 'p-limit';
import { classifyError, isNotFound } from '../aws/classify-error.js';
import type { ClientFactory } from '../aws/client-factory.js';
import { actionFor, type ServiceId } from '../aws/read-operations.js';
import type { DescribeCache } from './cache.js';
import type { CollectionError, Slice, SliceItems, SliceName, Slices } from './model.js';

export interface CollectorContext {
  accountId: string;
  clients: ClientFactory;
  /** One concurrency limit per service × region, shared by every collector that calls it. */
  limit(service: ServiceId, region: string): LimitFunction;
  /** One concurrency limit per operation × region, for calls of one operation only (listAndDescribe's). */
  operationLimit?(service: ServiceId, region: string, operation: string): LimitFunction;
  /** Job history older than this is not listed. */
  since: Date;
  /** At most this many jobs of one kind are described per region, newest first. */
  maxJobs: number;
  /** Raised by Ctrl-C: collectors stop starting new calls. */
  signal?: AbortSignal;
  note(text: string): void;
  /** Describe results of resources that can no longer change, from earlier scans (absent with --no-cache). */
  describeCache?: DescribeCache;
}

export interface RegionalCollector<K extends SliceName> {
  slice: K;
  scope: 'regional';
  /** `service:Operation` of every call this collector can make (the least-privilege policy is derived from it). */
  operations: readonly string[];
  collect(ctx: CollectorContext, region: string): Promise<Slice<SliceItems[K]>>;
}

/** Derived collectors describe what the regional slices reference (keys, roles), once per account. */
export interface DerivedCollector<K extends SliceName> {
  slice: K;
  scope: 'derived';
  operations: readonly string[];
  collect(ctx: CollectorContext, regions: readonly string[], sources: Partial<Slices>): Promise<Slice<SliceItems[K]>>;
}

export type Collector<K extends SliceName = SliceName> = RegionalCollector<K> | DerivedCollector<K>;

export function collectionError(
  err: unknown,
  where: { slice: SliceName; region: string; service: ServiceId; operation: string; resourceArn?: string },
): CollectionError {
  const c = classifyError(err);
  return {
    slice: where.slice,
    region: where.region,
    operation: where.operation,
    action: actionFor(where.service, where.operation),
    kind: c.kind,
    code: c.code,
    message: c.message,
    ...(where.resourceArn !== undefined ? { resourceArn: where.resourceArn } : {}),
  };
}

export interface ListAndDescribe<S, T> {
  ctx: CollectorContext;
  slice: SliceName;
  region: string;
  service: ServiceId;
  listOperation: string;
  describeOperation: string;
  /** Pages of summaries, from an SDK paginator. */
  pages: () => AsyncIterable<S[]>;
  /** ARN of a summary, used to name a resource whose Describe failed. */
  arnOf: (summary: S) => string;
  describe: (summary: S) => Promise<T>;
  /** Stop listing after this many summaries (job history caps). */
  cap?: number;
}

/**
 * The shape of nearly every SageMaker collector: page through List*, and Describe* each item under the operation's
 * concurrency limit as soon as its page arrives (so describing overlaps the remaining pages). A List failure marks
 * the region's slice incomplete (items read so far are kept and described, the engine will not let them PASS); a
 * Describe failure marks one resource; a resource deleted in between is simply gone.
 */
export async function listAndDescribe<S, T>(spec: ListAndDescribe<S, T>): Promise<Slice<T>> {
  const { ctx, slice, region, service } = spec;
  const errors: CollectionError[] = [];
  // Per operation where the context offers it: each operation has its own rate limit at AWS, so a slow one
  // (DescribeTrainingJob over thousands of jobs) must not hold the slots of the others.
  const limit = ctx.operationLimit?.(service, region, spec.describeOperation) ?? ctx.limit(service, region);
  const cache = ctx.describeCache;

  const describe = (summary: S): Promise<T | undefined> => {
    // A resource that can no longer change, described by an earlier scan, costs no call (and no slot).
    const cached = cache?.get<T>(slice, region, spec.arnOf(summary), summary);
    if (cached !== undefined) return Promise.resolve(cached);
    return limit(async (): Promise<T | undefined> => {
      ctx.signal?.throwIfAborted();
      try {
        const item = await spec.describe(summary);
        cache?.put(slice, region, spec.arnOf(summary), summary, item);
        return item;
      } catch (err) {
        if (ctx.signal?.aborted) throw err;
        if (isNotFound(err)) return undefined;
        errors.push(
          collectionError(err, {
            slice,
            region,
            service,
            operation: spec.describeOperation,
            resourceArn: spec.arnOf(summary),
          }),
        );
        return undefined;
      }
    });
  };

  const pending: Promise<T | undefined>[] = [];
  try {
    for await (const page of spec.pages()) {
      ctx.signal?.throwIfAborted();
      for (const summary of page) {
        if (spec.cap !== undefined && pending.length >= spec.cap) break;
        const p = describe(summary);
        // Only an abort rejects; it is awaited below, but must not count as unhandled while listing goes on.
        p.catch(() => undefined);
        pending.push(p);
      }
      if (spec.cap !== undefined && pending.length >= spec.cap) {
        ctx.note(`${slice} in ${region}: stopped at the cap of ${spec.cap} (newest first); raise --max-jobs to see more`);
        break;
      }
    }
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    errors.push(collectionError(err, { slice, region, service, operation: spec.listOperation }));
  }

  const described = await Promise.all(pending);
  // Describes finish in any order; sorted errors keep saved inventories byte-stable between runs.
  errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? ''));
  return { items: described.filter((d): d is Awaited<T> => d !== undefined), errors };
}

/** Pages through an SDK paginator, yielding one array per page. */
export async function* pagesOf<P, S>(paginator: AsyncIterable<P>, pick: (page: P) => S[] | undefined): AsyncIterable<S[]> {
  for await (const page of paginator) yield pick(page) ?? [];
}

export const iso = (d: Date | undefined): string | undefined => (d ? d.toISOString() : undefined);
