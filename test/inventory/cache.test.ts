import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAwsServer, type FakeAwsServer } from '../../bench/fake-aws-server.js';
import { ClientFactory } from '../../src/aws/client-factory.js';
import { DescribeCache, defaultCacheDir } from '../../src/inventory/cache.js';
import { collectInventory } from '../../src/inventory/collect.js';
import { INVENTORY_SCHEMA_VERSION, type Inventory, type SliceName } from '../../src/inventory/model.js';

const credentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' };
const NEEDS: SliceName[] = ['trainingJobs', 'processingJobs', 'endpoints'];

let server: FakeAwsServer;
let dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mlaudit-cache-test-'));
  dirs.push(d);
  return d;
}

async function scan(target: FakeAwsServer, options: { cacheDir?: string; region?: string }): Promise<{ inventory: Inventory; describes: Record<string, number> }> {
  const before = target.requests.length;
  const clients = new ClientFactory({ endpointUrl: target.url, credentials, maxAttempts: 1 });
  try {
    const inventory = await collectInventory({
      regions: [options.region ?? 'us-east-1'],
      needs: NEEDS,
      clients,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    const describes: Record<string, number> = {};
    for (const r of target.requests.slice(before)) {
      if (r.operation.startsWith('Describe')) describes[r.operation] = (describes[r.operation] ?? 0) + 1;
    }
    return { inventory, describes };
  } finally {
    clients.destroy();
  }
}

const running = (inv: Inventory, slice: 'trainingJobs' | 'processingJobs'): number =>
  (inv.slices[slice]?.items ?? []).filter((j) => j.status === 'InProgress').length;

beforeAll(async () => {
  server = await startFakeAwsServer({ resources: 200, latencyMs: 0, rateRules: [], regions: ['us-east-1', 'us-west-2'] });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('rescan cache', () => {
  it('describes terminal jobs once: the rescan lists them but only describes the running ones', async () => {
    const cacheDir = tempDir();
    const first = await scan(server, { cacheDir });
    const counts = server.estate('us-east-1').counts;
    expect(first.describes.DescribeTrainingJob).toBe(counts.trainingJobs);

    const second = await scan(server, { cacheDir });
    expect(second.describes.DescribeTrainingJob).toBe(running(first.inventory, 'trainingJobs'));
    expect(second.describes.DescribeProcessingJob).toBe(running(first.inventory, 'processingJobs'));
    // Endpoints can change: always described.
    expect(second.describes.DescribeEndpoint).toBe(counts.endpoints);
    // The same inventory either way.
    expect(second.inventory.slices).toEqual(first.inventory.slices);
    expect(second.inventory.notes?.some((n) => n.startsWith('cache: '))).toBe(true);
  });

  it('uses nothing from the cache for another region or another account', async () => {
    const cacheDir = tempDir();
    await scan(server, { cacheDir });
    // us-west-2 holds resources with the same names: their ARNs differ, and so does the cache file.
    const west = await scan(server, { cacheDir, region: 'us-west-2' });
    expect(west.describes.DescribeTrainingJob).toBe(server.estate('us-west-2').counts.trainingJobs);

    const other = await startFakeAwsServer({ resources: 200, latencyMs: 0, rateRules: [], accountId: '210987654321' });
    try {
      const again = await scan(other, { cacheDir });
      expect(again.describes.DescribeTrainingJob).toBe(other.estate('us-east-1').counts.trainingJobs);
      expect(again.inventory.account.id).toBe('210987654321');
    } finally {
      await other.close();
    }
  });

  it('describes everything without a cache directory (--no-cache)', async () => {
    const cacheDir = tempDir();
    await scan(server, { cacheDir });
    const uncached = await scan(server, {});
    expect(uncached.describes.DescribeTrainingJob).toBe(server.estate('us-east-1').counts.trainingJobs);
  });

  it('ignores a corrupt cache file with a note, and rewrites it', async () => {
    const cacheDir = tempDir();
    await scan(server, { cacheDir });
    const file = join(cacheDir, 'v1', '123456789012', 'us-east-1', 'trainingJobs.json');
    writeFileSync(file, '{"schemaVersion": 1, "entr');
    const second = await scan(server, { cacheDir });
    expect(second.describes.DescribeTrainingJob).toBe(server.estate('us-east-1').counts.trainingJobs);
    expect(second.inventory.notes?.some((n) => n.includes('ignored unreadable file') && n.includes('trainingJobs.json'))).toBe(true);
    expect(() => JSON.parse(readFileSync(file, 'utf8')) as unknown).not.toThrow();
  });
});

describe('DescribeCache', () => {
  const job = { arn: 'arn:aws:sagemaker:us-east-1:111122223333:training-job/a', status: 'Completed' };
  const summary = { TrainingJobName: 'a', TrainingJobStatus: 'Completed', CreationTime: new Date(0) };

  function saved(dir: string, options: { schemaVersion?: number } = {}): DescribeCache {
    const cache = new DescribeCache({ dir, accountId: '111122223333', note: () => undefined, ...options });
    cache.put('trainingJobs', 'us-east-1', job.arn, summary, job);
    cache.save();
    return cache;
  }

  it('reuses an entry only for the same summary', () => {
    const dir = tempDir();
    saved(dir);
    const cache = new DescribeCache({ dir, accountId: '111122223333', note: () => undefined });
    expect(cache.get('trainingJobs', 'us-east-1', job.arn, summary)).toEqual(job);
    // Re-created under the same name: a new CreationTime, a new summary.
    expect(cache.get('trainingJobs', 'us-east-1', job.arn, { ...summary, CreationTime: new Date(1000) })).toBeUndefined();
  });

  it('writes a file of several megabytes in pieces that make the JSON of all its entries, and reads it back', () => {
    const dir = tempDir();
    const cache = new DescribeCache({ dir, accountId: '111122223333', note: () => undefined });
    // Non-ASCII text and quotes in the items, and enough of them (about 5 MB) to cross many piece boundaries.
    const jobs = Array.from({ length: 5000 }, (_, i) => ({
      arn: `arn:aws:sagemaker:us-east-1:111122223333:training-job/j-${i}`,
      status: 'Completed',
      note: `réglage "${i}" ${'x'.repeat(900)}`,
    }));
    for (const j of jobs) cache.put('trainingJobs', 'us-east-1', j.arn, { ...summary, TrainingJobName: j.arn }, j);
    cache.save();
    const text = readFileSync(join(dir, 'v' + String(INVENTORY_SCHEMA_VERSION), '111122223333', 'us-east-1', 'trainingJobs.json'), 'utf8');
    expect(text.length).toBeGreaterThan(4_000_000);
    const entries = Object.fromEntries(jobs.map((j) => [j.arn, { summary: JSON.stringify({ ...summary, TrainingJobName: j.arn }), item: j }]));
    expect(text).toBe(
      JSON.stringify({ schemaVersion: INVENTORY_SCHEMA_VERSION, accountId: '111122223333', region: 'us-east-1', slice: 'trainingJobs', entries }),
    );
    const next = new DescribeCache({ dir, accountId: '111122223333', note: () => undefined });
    const last = jobs[4999];
    expect(next.get('trainingJobs', 'us-east-1', last?.arn ?? '', { ...summary, TrainingJobName: last?.arn })).toEqual(last);
  });

  it('never stores what can still change', () => {
    const dir = tempDir();
    const cache = new DescribeCache({ dir, accountId: '111122223333', note: () => undefined });
    cache.put('trainingJobs', 'us-east-1', job.arn, summary, { ...job, status: 'InProgress' });
    cache.put('endpoints' as SliceName, 'us-east-1', 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/e', {}, { status: 'InService' });
    cache.save();
    expect(cache.stats.stored).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores entries written under another inventory schema version', () => {
    const dir = tempDir();
    saved(dir, { schemaVersion: 1 });
    const notes: string[] = [];
    const next = new DescribeCache({ dir, accountId: '111122223333', note: (n) => notes.push(n), schemaVersion: 2 });
    expect(next.get('trainingJobs', 'us-east-1', job.arn, summary)).toBeUndefined();
    // A file moved under the new version's directory is not trusted either: it says which version wrote it.
    const v1 = join(dir, 'v1', '111122223333', 'us-east-1');
    const v2 = join(dir, 'v2', '111122223333', 'us-east-1');
    mkdirSync(v2, { recursive: true });
    writeFileSync(join(v2, 'trainingJobs.json'), readFileSync(join(v1, 'trainingJobs.json')));
    const moved = new DescribeCache({ dir, accountId: '111122223333', note: (n) => notes.push(n), schemaVersion: 2 });
    expect(moved.get('trainingJobs', 'us-east-1', job.arn, summary)).toBeUndefined();
    expect(notes[0]).toMatch(/schema version/);
  });

  it('does not trust a file copied to another account', () => {
    const dir = tempDir();
    saved(dir);
    const src = join(dir, 'v1', '111122223333', 'us-east-1', 'trainingJobs.json');
    const dest = join(dir, 'v1', '444455556666', 'us-east-1');
    mkdirSync(dest, { recursive: true });
    writeFileSync(join(dest, 'trainingJobs.json'), readFileSync(src));
    const notes: string[] = [];
    const other = new DescribeCache({ dir, accountId: '444455556666', note: (n) => notes.push(n) });
    expect(other.get('trainingJobs', 'us-east-1', job.arn, summary)).toBeUndefined();
    expect(notes[0]).toMatch(/another account/);
  });

  it('defaults to $XDG_CACHE_HOME/mlaudit, else ~/.cache/mlaudit', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe('/var/cache/me/mlaudit');
    expect(defaultCacheDir({}, '/home/me')).toBe('/home/me/.cache/mlaudit');
    // A relative XDG_CACHE_HOME is invalid per the spec and ignored.
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'rel' }, '/home/me')).toBe('/home/me/.cache/mlaudit');
  });
});

describe('scan --cache-dir / --no-cache', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['bin/mlaudit', 'scan', '--endpoint-url', server.url, '--region', 'us-east-1', '--rules',
      'training-network-isolation', '--format', 'json', '--fail-on', 'none', '--quiet', ...args], {
      env: { PATH: process.env.PATH, HOME: tempDir(), AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'fake',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
  const describes = (from: number) => server.requests.slice(from).filter((r) => r.operation === 'DescribeTrainingJob').length;

  it('writes the cache where --cache-dir says, and --no-cache neither reads nor writes it', async () => {
    const cacheDir = tempDir();
    const total = server.estate('us-east-1').counts.trainingJobs;
    let mark = server.requests.length;
    await cli(['--no-cache', '--cache-dir', cacheDir]);
    expect(describes(mark)).toBe(total);
    expect(readdirSync(cacheDir)).toEqual([]);

    mark = server.requests.length;
    await cli(['--cache-dir', cacheDir]);
    expect(describes(mark)).toBe(total);
    expect(existsSync(join(cacheDir, 'v1', '123456789012', 'us-east-1', 'trainingJobs.json'))).toBe(true);

    mark = server.requests.length;
    const { stdout } = await cli(['--cache-dir', cacheDir]);
    expect(describes(mark)).toBeLessThan(total / 10);
    expect((JSON.parse(stdout) as { scan: { notes: string[] } }).scan.notes.some((n) => n.startsWith('cache: '))).toBe(true);

    mark = server.requests.length;
    await cli(['--no-cache', '--cache-dir', cacheDir]);
    expect(describes(mark)).toBe(total);
  }, 60_000);
});
