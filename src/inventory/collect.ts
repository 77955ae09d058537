import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import pLimit, { type LimitFunction } from 'p-limit';
import { classifyError } from '../aws/classify-error.js';
import type { ClientFactory } from '../aws/client-factory.js';
import type { ServiceId } from '../aws/read-operations.js';
import { CredentialsError } from '../util/errors.js';
import type { CollectorContext } from './collector.js';
import { COLLECTORS } from './collectors/index.js';
import { INVENTORY_SCHEMA_VERSION, type Inventory, type Slice, type SliceName, type Slices } from './model.js';
import { sliceClosure } from './slices.js';

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_SINCE_DAYS = 90;
export const DEFAULT_MAX_JOBS = 2000;

export interface CollectOptions {
  regions: readonly string[];
  needs: Iterable<SliceName>;
  clients: ClientFactory;
  /** Calls in flight per service × region. */
  concurrency?: number;
  since?: Date;
  maxJobs?: number;
  signal?: AbortSignal;
  /** Told when a slice of a region is done, for the progress display. */
  onSliceDone?: (slice: SliceName, region: string, items: number, errors: number) => void;
  now?: () => Date;
}

export async function resolveAccountId(clients: ClientFactory, region: string): Promise<string> {
  try {
    const out = await clients.get('sts', region).send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new CredentialsError('STS GetCallerIdentity returned no account id');
    return out.Account;
  } catch (err) {
    if (err instanceof CredentialsError) throw err;
    const c = classifyError(err);
    throw new CredentialsError(
      `cannot identify the AWS account (${c.code}: ${c.message}); check your credentials, --profile or AWS_PROFILE`,
    );
  }
}

function merge<T>(parts: Slice<T>[]): Slice<T> {
  return { items: parts.flatMap((p) => p.items), errors: parts.flatMap((p) => p.errors) };
}

/** Collects the slices `needs` asks for (and those they derive from) across `regions`. */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  const { clients, regions } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const firstRegion = regions[0];
  if (firstRegion === undefined) throw new CredentialsError('no region to scan');
  const accountId = await resolveAccountId(clients, firstRegion);

  const limits = new Map<string, LimitFunction>();
  // A Set: collectors note their bounds once per region, and the same sentence need not repeat.
  const notes = new Set<string>();
  const since = options.since ?? new Date(startedAt.getTime() - DEFAULT_SINCE_DAYS * 86_400_000);
  const ctx: CollectorContext = {
    accountId,
    clients,
    limit: (service: ServiceId, region: string) => {
      const key = `${service}|${region}`;
      let l = limits.get(key);
      if (!l) {
        l = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
        limits.set(key, l);
      }
      return l;
    },
    since,
    maxJobs: options.maxJobs ?? DEFAULT_MAX_JOBS,
    ...(options.signal ? { signal: options.signal } : {}),
    note: (text) => notes.add(text),
  };

  const wanted = sliceClosure(options.needs);
  const slices: Partial<Slices> = {};
  const set = <K extends SliceName>(name: K, value: Slices[K]): void => {
    slices[name] = value;
  };

  await Promise.all(
    wanted.map(async (name) => {
      const collector = COLLECTORS[name];
      if (collector.scope !== 'regional') return;
      const parts = await Promise.all(
        regions.map(async (region) => {
          const part = await collector.collect(ctx, region);
          options.onSliceDone?.(name, region, part.items.length, part.errors.length);
          return part;
        }),
      );
      set(name, merge(parts as Slice<never>[]));
    }),
  );

  await Promise.all(
    wanted.map(async (name) => {
      const collector = COLLECTORS[name];
      if (collector.scope !== 'derived') return;
      const part = await collector.collect(ctx, regions, slices);
      options.onSliceDone?.(name, 'all', part.items.length, part.errors.length);
      set(name, part as Slices[typeof name]);
    }),
  );

  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    account: { id: accountId },
    regions: [...regions],
    collectedAt: now().toISOString(),
    slices,
    ...(notes.size ? { notes: [...notes].sort() } : {}),
  };
}
