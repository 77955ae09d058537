import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import pLimit, { type LimitFunction } from 'p-limit';
import { classifyError } from '../aws/classify-error.js';
import type { ClientFactory } from '../aws/client-factory.js';
import type { ServiceId } from '../aws/read-operations.js';
import { isRegionNotEnabled } from '../aws/regions.js';
import { CredentialsError } from '../util/errors.js';
import { DescribeCache } from './cache.js';
import type { CollectorContext } from './collector.js';
import { COLLECTORS } from './collectors/index.js';
import { INVENTORY_SCHEMA_VERSION, type Inventory, type Slice, type SliceName, type Slices } from './model.js';
import { sliceClosure, SLICES } from './slices.js';

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
  /** Root of the incremental-rescan cache (see cache.ts); no cache when absent. */
  cacheDir?: string;
}

function identityError(err: unknown): CredentialsError {
  if (err instanceof CredentialsError) return err;
  const c = classifyError(err);
  return new CredentialsError(
    `cannot identify the AWS account (${c.code}: ${c.message}); check your credentials, --profile or AWS_PROFILE`,
    { cause: err },
  );
}

async function callerAccount(clients: ClientFactory, region: string): Promise<string> {
  const out = await clients.get('sts', region).send(new GetCallerIdentityCommand({}));
  if (!out.Account) throw new CredentialsError('STS GetCallerIdentity returned no account id');
  return out.Account;
}

export async function resolveAccountId(clients: ClientFactory, region: string): Promise<string> {
  try {
    return await callerAccount(clients, region);
  } catch (err) {
    throw identityError(err);
  }
}

export interface RegionProbe {
  accountId: string;
  /** The regions to collect, in the order given. */
  enabled: string[];
  /** Regions the account has not enabled (opt-in regions), with the error code that said so. */
  skipped: { region: string; code: string }[];
}

/**
 * One STS GetCallerIdentity per region, in parallel, before anything is collected: it needs no IAM permission,
 * names the account, and is answered with InvalidClientTokenId from a region the account has not enabled (STS has
 * an endpoint in every region). Those codes also mean "bad credentials", so a region is skipped as not enabled only
 * when the same credentials worked in another region; when they worked nowhere, the credentials are the problem.
 * Any other failure keeps the region: its collectors then report what they could not read.
 */
export async function probeRegions(clients: ClientFactory, regions: readonly string[]): Promise<RegionProbe> {
  const results = await Promise.all(
    regions.map(async (region) => {
      try {
        return { region, accountId: await callerAccount(clients, region) };
      } catch (err) {
        return { region, err };
      }
    }),
  );
  const accountId = results.find((r) => r.accountId !== undefined)?.accountId;
  if (accountId === undefined) throw identityError(results[0]?.err ?? new CredentialsError('no region to scan'));
  const skipped = results
    .filter((r) => r.accountId === undefined && isRegionNotEnabled(r.err))
    .map((r) => ({ region: r.region, code: classifyError(r.err).code }));
  const enabled = regions.filter((region) => !skipped.some((s) => s.region === region));
  return { accountId, enabled, skipped };
}

/**
 * Slices a derived collector reads when the scan collected them anyway, without depending on them (which would make
 * every scan collect them): it waits for them too, so what it sees does not depend on timing.
 */
const OPTIONAL_SOURCES: Partial<Record<SliceName, readonly SliceName[]>> = {
  // iam-roles.ts: the default execution roles of Studio domains.
  iamRoles: ['domains'],
};

function merge<T>(parts: Slice<T>[]): Slice<T> {
  return { items: parts.flatMap((p) => p.items), errors: parts.flatMap((p) => p.errors) };
}

/** Collects the slices `needs` asks for (and those they derive from) across `regions`. */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  const { clients } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  if (options.regions.length === 0) throw new CredentialsError('no region to scan');
  const probe = await probeRegions(clients, options.regions);
  const { accountId } = probe;
  // From here on, `regions` are those the account has enabled: derived (global) collectors run once per account.
  const regions = probe.enabled;

  const limits = new Map<string, LimitFunction>();
  // A Set: collectors note their bounds once per region, and the same sentence need not repeat.
  const notes = new Set<string>();
  for (const { region, code } of probe.skipped) {
    notes.add(`${region} skipped for account ${accountId}: the region is not enabled for the account (${code})`);
  }
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
    operationLimit: (service: ServiceId, region: string, operation: string) => {
      const key = `${service}|${region}|${operation}`;
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
  const cache = options.cacheDir
    ? new DescribeCache({ dir: options.cacheDir, accountId, note: (text) => notes.add(text) })
    : undefined;
  if (cache) ctx.describeCache = cache;

  const wanted = sliceClosure(options.needs);
  const slices: Partial<Slices> = {};
  const set = <K extends SliceName>(name: K, value: Slices[K]): void => {
    slices[name] = value;
  };

  // Each slice starts as soon as what it is derived from is collected: the tags of endpoints need not wait for the
  // training-job history. Regional slices depend on nothing.
  const done = new Map<SliceName, Promise<void>>();
  const completion = (name: SliceName): Promise<void> => {
    let p = done.get(name);
    if (!p) {
      p = run(name);
      done.set(name, p);
    }
    return p;
  };
  const run = async (name: SliceName): Promise<void> => {
    const collector = COLLECTORS[name];
    if (collector.scope === 'regional') {
      const parts = await Promise.all(
        regions.map(async (region) => {
          const part = await collector.collect(ctx, region);
          options.onSliceDone?.(name, region, part.items.length, part.errors.length);
          return part;
        }),
      );
      set(name, merge(parts as Slice<never>[]));
      return;
    }
    const sources = [...SLICES[name].dependsOn, ...(OPTIONAL_SOURCES[name] ?? [])].filter((s) => wanted.includes(s));
    await Promise.all(sources.map(completion));
    const part = await collector.collect(ctx, regions, slices);
    options.onSliceDone?.(name, 'all', part.items.length, part.errors.length);
    set(name, part as Slices[typeof name]);
  };
  await Promise.all(wanted.map(completion));
  if (cache) {
    cache.save();
    if (cache.stats.hits > 0) {
      notes.add(`cache: ${cache.stats.hits} resources that can no longer change were reused from an earlier scan, not described`);
    }
  }

  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    account: { id: accountId },
    regions: [...regions],
    collectedAt: now().toISOString(),
    slices,
    ...(notes.size ? { notes: [...notes].sort() } : {}),
  };
}
