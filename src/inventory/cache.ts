/**
 * The incremental-rescan cache: normalised Describe results of resources that can no longer change, kept on disk
 * between scans so that a rescan lists (to find new resources) but does not describe them again.
 *
 * What can no longer change:
 * - training, processing, transform, tuning and AutoML jobs in a terminal state (Completed, Failed, Stopped): the
 *   Update* calls of jobs act on running jobs only;
 * - models and endpoint configurations: SageMaker has no Update call for either (a change is a new resource).
 * - model package versions once their build is Completed or Failed. Their approval status can still change, but the
 *   ListModelPackages summary carries it, so an approval makes the summary differ and the version is described again.
 *   Fields a collector derives from the listing rather than the Describe (`latestInGroup`) must be set after reuse.
 *
 * An entry is used only when the account, region, ARN and inventory schema version match and the List summary is
 * the same as when the entry was written (a resource deleted and re-created under the same name has a new
 * CreationTime, so a new summary). Anything unreadable is ignored with a note: the cache can cost a Describe,
 * never a wrong result.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAll } from '../util/write-all.js';
import { INVENTORY_SCHEMA_VERSION, type SliceName } from './model.js';

const TERMINAL_JOB_STATES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Stopped']);
const terminalJob = (item: unknown): boolean =>
  TERMINAL_JOB_STATES.has(String((item as { status?: unknown } | null)?.status));
const immutable = (): boolean => true;

/** Slices whose items may be reused, and whether one item is final (will never change). */
export const CACHEABLE_SLICES: Partial<Record<SliceName, (item: unknown) => boolean>> = {
  trainingJobs: terminalJob,
  processingJobs: terminalJob,
  transformJobs: terminalJob,
  tuningJobs: terminalJob,
  autoMlJobs: terminalJob,
  models: immutable,
  endpointConfigs: immutable,
  modelPackages: (item) => ['Completed', 'Failed'].includes(String((item as { status?: unknown } | null)?.status)),
};

interface Entry {
  /** The List summary the item was described after, as JSON. */
  summary: string;
  item: unknown;
}

interface CacheFile {
  schemaVersion: number;
  accountId: string;
  region: string;
  slice: string;
  entries: Record<string, Entry>;
}

export interface DescribeCacheOptions {
  /** Root of the cache (e.g. ~/.cache/mlaudit). */
  dir: string;
  accountId: string;
  /** Told about problems (an unreadable file, a failed write); never thrown. */
  note: (text: string) => void;
  /** Overrides the inventory schema version (tests of invalidation). */
  schemaVersion?: number;
}

interface Bucket {
  path: string;
  region: string;
  slice: SliceName;
  loaded: Map<string, Entry>;
  /** Entries seen by this scan (reused or newly described): what the next file holds. */
  kept: Map<string, Entry>;
  changed: boolean;
}

export interface CacheStats {
  hits: number;
  stored: number;
}

/** One account's cache for one scan: read lazily per region and slice, written back by `save`. */
export class DescribeCache {
  readonly stats: CacheStats = { hits: 0, stored: 0 };
  private readonly buckets = new Map<string, Bucket>();
  private readonly schemaVersion: number;

  constructor(private readonly options: DescribeCacheOptions) {
    this.schemaVersion = options.schemaVersion ?? INVENTORY_SCHEMA_VERSION;
  }

  /** Whether items of `slice` can ever be reused. */
  static covers(slice: SliceName): boolean {
    return CACHEABLE_SLICES[slice] !== undefined;
  }

  /** The cached item for `arn`, if its summary is unchanged; undefined means: describe it. */
  get<T>(slice: SliceName, region: string, arn: string, summary: unknown): T | undefined {
    if (!DescribeCache.covers(slice) || !arn) return undefined;
    const bucket = this.bucket(slice, region);
    const entry = bucket.loaded.get(arn);
    if (!entry || entry.summary !== fingerprint(summary)) return undefined;
    bucket.kept.set(arn, entry);
    this.stats.hits += 1;
    return entry.item as T;
  }

  /** Remembers a freshly described item if it is final. */
  put(slice: SliceName, region: string, arn: string, summary: unknown, item: unknown): void {
    const isFinal = CACHEABLE_SLICES[slice];
    if (!isFinal || !arn || !isFinal(item)) return;
    const bucket = this.bucket(slice, region);
    bucket.kept.set(arn, { summary: fingerprint(summary), item });
    bucket.changed = true;
    this.stats.stored += 1;
  }

  /** Writes back every file this scan touched, keeping only the entries it saw (so the cache does not grow forever). */
  save(): void {
    for (const bucket of this.buckets.values()) {
      if (!bucket.changed && bucket.kept.size === bucket.loaded.size) continue;
      const header: Omit<CacheFile, 'entries'> = {
        schemaVersion: this.schemaVersion,
        accountId: this.options.accountId,
        region: bucket.region,
        slice: bucket.slice,
      };
      const tmp = `${bucket.path}.${process.pid}.tmp`;
      try {
        mkdirSync(join(bucket.path, '..'), { recursive: true, mode: 0o700 });
        const fd = openSync(tmp, 'w', 0o600);
        try {
          for (const piece of cacheFileText(header, bucket.kept)) writeAll(fd, piece);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, bucket.path);
      } catch (err) {
        rmSync(tmp, { force: true });
        this.options.note(`cache: could not write ${bucket.path} (${(err as NodeJS.ErrnoException).code ?? String(err)}); the next scan describes these resources again`);
      }
    }
  }

  private bucket(slice: SliceName, region: string): Bucket {
    const key = `${region}|${slice}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const path = join(this.options.dir, `v${this.schemaVersion}`, safe(this.options.accountId), safe(region), `${slice}.json`);
      bucket = { path, region, slice, loaded: this.read(path, slice, region), kept: new Map(), changed: false };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private read(path: string, slice: SliceName, region: string): Map<string, Entry> {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new Map();
    }
    try {
      const data = JSON.parse(text) as Partial<CacheFile>;
      // The path already says all of this; the file says it again so a copied or renamed file is not trusted.
      if (
        data.schemaVersion !== this.schemaVersion ||
        data.accountId !== this.options.accountId ||
        data.region !== region ||
        data.slice !== slice ||
        typeof data.entries !== 'object' ||
        data.entries === null
      ) {
        throw new Error('written for another account, region, slice or schema version');
      }
      const entries = new Map<string, Entry>();
      for (const [arn, e] of Object.entries(data.entries)) {
        if (typeof e === 'object' && e !== null && typeof e.summary === 'string' && typeof e.item === 'object' && e.item !== null) {
          entries.set(arn, e);
        }
      }
      return entries;
    } catch (err) {
      this.options.note(`cache: ignored unreadable file ${path} (${err instanceof Error ? err.message : String(err)})`);
      return new Map();
    }
  }
}

/**
 * `JSON.stringify` of the cache file, in pieces of about a megabyte: the training jobs of a large account make a
 * file of tens of megabytes, and one string of it (and its encoded copy) would be the scan's peak of memory.
 */
function* cacheFileText(header: Omit<CacheFile, 'entries'>, entries: ReadonlyMap<string, Entry>): Generator<string> {
  let text = `${JSON.stringify(header).slice(0, -1)},"entries":{`;
  let first = true;
  for (const [arn, entry] of entries) {
    text += `${first ? '' : ','}${JSON.stringify(arn)}:${JSON.stringify(entry)}`;
    first = false;
    if (text.length >= 1 << 20) {
      yield text;
      text = '';
    }
  }
  yield `${text}}}`;
}

/** Account ids and region names are safe path segments; anything else is not trusted to be. */
function safe(segment: string): string {
  return segment.replace(/[^A-Za-z0-9._-]/g, '_');
}

function fingerprint(summary: unknown): string {
  return JSON.stringify(summary) ?? '';
}

/** `$XDG_CACHE_HOME/mlaudit`, else `~/.cache/mlaudit`. */
export function defaultCacheDir(env: Record<string, string | undefined>, home: string): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'mlaudit');
}
