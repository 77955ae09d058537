import { homedir } from 'node:os';
import { STSClient } from '@aws-sdk/client-sts';
import { RULES } from '../../rules/index.js';
import { classifyError, isCredentialsCode } from '../aws/classify-error.js';
import { assumeRoleCredentials } from '../aws/assume-role.js';
import { CallStats } from '../aws/call-stats.js';
import { ClientFactory, type AwsOptions } from '../aws/client-factory.js';
import { ALL_SAGEMAKER_REGIONS } from '../aws/regions.js';
import { loadConfig, type Config } from '../config/config.js';
import { selectRules } from '../engine/select.js';
import { defaultCacheDir } from '../inventory/cache.js';
import { collectInventory } from '../inventory/collect.js';
import { collectAccounts, type AccountFailure } from '../inventory/collect-accounts.js';
import { loadInventory, serialiseInventoryPieces } from '../inventory/load.js';
import type { Inventory, SliceName } from '../inventory/model.js';
import { sliceClosure, SLICES } from '../inventory/slices.js';
import { CredentialsError, UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { nothingScanned, parseAccountFlags, resolveTargets, type AccountFlags, type AccountPlan } from './accounts.js';
import { assertWritable, writeChunksAtomic } from './output-files.js';
import {
  parseDuration,
  parseFormats,
  parsePositiveInt,
  parseRegions,
  parseSeconds,
  parseSeverityOrNone,
} from './parse.js';
import { startProgress, startReportProgress } from './progress.js';
import { loadBaseline } from './report-file.js';
import type { ScanIo, ScanPlan } from './report-targets.js';
import { evaluateAndWrite } from './scan-output.js';

/** What `scan` and `merge` share: how the report is written and what makes the run fail. */
export interface ReportFlags {
  format: string[];
  output?: string;
  failOn?: string;
  failOnError?: boolean;
  config?: string;
  /** A file name, or false with --no-baseline. */
  baseline?: string | false;
  color?: boolean;
  showPass?: boolean;
}

/** The options exactly as commander hands them over. */
export interface ScanFlags extends AccountFlags, ReportFlags {
  inventory?: string[];
  saveInventory?: string;
  region: string[];
  allRegions?: boolean;
  profile?: string;
  endpointUrl?: string;
  concurrency: string;
  /** Seconds; the client factory's default when absent. */
  requestTimeout?: string;
  maxAttempts?: string;
  since: string;
  maxJobs: string;
  rules: string[];
  excludeRules: string[];
  minSeverity?: string;
  quiet?: boolean;
  debug?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
  cacheDir?: string;
}

async function defaultRegion(profile: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const fromEnv = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  // The SDK's own provider reads the profile's `region` from ~/.aws/config.
  const sts = new STSClient(profile ? { profile } : {});
  try {
    return await sts.config.region();
  } catch {
    return undefined;
  } finally {
    sts.destroy();
  }
}

async function scanRegions(flags: ScanFlags, io: ScanIo): Promise<string[]> {
  if (flags.allRegions) {
    if (flags.region.length) throw new UsageError('--all-regions and --region cannot be combined');
    return [...ALL_SAGEMAKER_REGIONS];
  }
  const regions = parseRegions(flags.region);
  if (regions.length > 0) return regions;
  const region = await defaultRegion(flags.profile, io.env);
  if (!region) throw new UsageError('no region given: pass --region (e.g. --region us-east-1) or set AWS_REGION');
  return parseRegions([region]);
}

interface Collected {
  inventories: Inventory[];
  /** Accounts of a many-account scan that could not be scanned at all. */
  failures: AccountFailure[];
}

async function collect(flags: ScanFlags, needs: SliceName[], io: ScanIo, accounts: AccountPlan | undefined): Promise<Collected> {
  const regions = await scanRegions(flags, io);
  const home = regions[0] ?? 'us-east-1';
  const concurrency = parsePositiveInt(flags.concurrency, '--concurrency', 256);
  const requestTimeoutMs =
    flags.requestTimeout !== undefined ? parseSeconds(flags.requestTimeout, '--request-timeout', 3600) * 1000 : undefined;
  const maxAttempts = flags.maxAttempts !== undefined ? parsePositiveInt(flags.maxAttempts, '--max-attempts', 20) : undefined;
  const sinceMs = parseDuration(flags.since, '--since');
  const maxJobs = parsePositiveInt(flags.maxJobs, '--max-jobs');
  // One set of counters for every account's clients: the progress line and the benchmark see the whole scan.
  const awsOptions: AwsOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {}),
    // --concurrency bounds each operation (see collect.ts), and a dozen SageMaker operations run at once: sockets
    // for all of them, or calls would queue for a socket and count that wait against their connect timeout.
    maxSockets: concurrency * 16,
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(flags.debug ? { debug: (line: string) => io.stderr.write(`debug: ${line}\n`) } : {}),
    stats: new CallStats(),
  };
  const clients = new ClientFactory(awsOptions);
  const factories = [clients];
  const slices = sliceClosure(needs);
  const regional = slices.filter((s) => !SLICES[s].dependsOn.length).length;
  const perAccount = regional * regions.length + (slices.length - regional);
  const showProgress = !flags.quiet && !flags.debug;
  const cacheDir = flags.cache === false ? undefined : (flags.cacheDir ?? defaultCacheDir(io.env, homedir()));
  const options = {
    regions,
    needs,
    concurrency,
    since: new Date(Date.now() - sinceMs),
    maxJobs,
    ...(cacheDir !== undefined ? { cacheDir } : {}),
  };
  let progress: ReturnType<typeof startProgress> | undefined;
  try {
    if (!accounts) {
      progress = startProgress(io.stderr, showProgress, { accounts: 1, regions: regions.length, slices: perAccount }, clients.stats);
      const inventory = await collectInventory({ ...options, clients, onSliceDone: () => progress?.sliceDone() });
      return { inventories: [inventory], failures: [] };
    }
    const roleOptions = { sessionName: accounts.sessionName, ...(accounts.externalId ? { externalId: accounts.externalId } : {}) };
    // --role-arn with --accounts or --organization is the hub: member roles are assumed from its session.
    let via = clients;
    if (accounts.roleArn && accounts.members) {
      const hub = assumeRoleCredentials(clients, home, { roleArn: accounts.roleArn, ...roleOptions });
      try {
        await hub();
      } catch (err) {
        const c = classifyError(err);
        throw new CredentialsError(`cannot assume --role-arn ${accounts.roleArn} (${c.code}: ${c.message})`);
      }
      via = new ClientFactory({ ...awsOptions, credentials: hub });
      factories.push(via);
    }
    const targets = await resolveTargets(accounts, via, home);
    progress = startProgress(
      io.stderr,
      showProgress,
      { accounts: targets.length, regions: regions.length, slices: perAccount * targets.length },
      clients.stats,
    );
    const collected = await collectAccounts({
      ...options,
      ...roleOptions,
      targets,
      via,
      clientsFor: (credentials) => new ClientFactory({ ...awsOptions, credentials }),
      accountConcurrency: accounts.accountConcurrency,
      onSliceDone: () => progress?.sliceDone(),
      onAccountDone: () => progress?.accountDone(),
    });
    if (collected.inventories.length === 0) throw nothingScanned(collected.failures);
    return collected;
  } finally {
    progress?.stop();
    for (const f of factories) f.destroy();
  }
}

/** Command-line flags win; the config file fills in what they leave unset. */
/**
 * Saved inventories of several accounts are evaluated together, as one scan of those accounts. Two of one account
 * would evaluate its account-wide rules twice, so that is refused.
 */
function loadInventories(files: readonly string[]): Inventory[] {
  const byAccount = new Map<string, string>();
  return files.map((file) => {
    const inventory = loadInventory(file);
    const earlier = byAccount.get(inventory.account.id);
    if (earlier !== undefined) {
      throw new UsageError(
        `--inventory ${earlier} and ${file} are both of account ${inventory.account.id}: give one inventory per account`,
      );
    }
    byAccount.set(inventory.account.id, file);
    return inventory;
  });
}

/**
 * Credentials that expire or are revoked part-way through a scan (a short session, a rotated key) leave everything
 * read after that ERROR: the report says so resource by resource, and this says why, once, where the user looks.
 */
function warnOfRefusedCredentials(inventories: readonly Inventory[], io: ScanIo): void {
  const refused = inventories.flatMap((inv) =>
    Object.values(inv.slices).flatMap((s) => (s?.errors ?? []).filter((e) => isCredentialsCode(e.code)).map((e) => ({ ...e, account: inv.account.id }))),
  );
  if (refused.length === 0) return;
  const codes = [...new Set(refused.map((e) => e.code))].sort().join(', ');
  const accounts = [...new Set(refused.map((e) => e.account))].sort().join(', ');
  io.stderr.write(
    `mlaudit: warning: the credentials were refused part-way through the scan (${codes}, account ${accounts}): ` +
      `${refused.length} read(s) failed and what they would have read is ERROR in the report; renew the credentials and scan again\n`,
  );
}

function withConfigDefaults(flags: ScanFlags, config: Config): ScanFlags {
  return {
    ...flags,
    // --all-regions replaces the config file's regions as --region does.
    region: flags.region.length || flags.allRegions ? flags.region : (config.regions ?? []),
    rules: flags.rules.length ? flags.rules : (config.rules ?? []),
    excludeRules: flags.excludeRules.length ? flags.excludeRules : (config.excludeRules ?? []),
    format: flags.format.length ? flags.format : (config.formats ?? []),
    failOn: flags.failOn ?? config.failOn ?? 'high',
    ...(flags.minSeverity === undefined && config.minSeverity ? { minSeverity: config.minSeverity } : {}),
  };
}

export async function scanCommand(cliFlags: ScanFlags, io: ScanIo): Promise<number> {
  const startedAt = io.now().toISOString();
  const config = loadConfig(cliFlags.config, io.cwd, RULES);
  const flags = withConfigDefaults(cliFlags, config);
  const rules = selectRules(RULES, {
    include: flags.rules,
    exclude: flags.excludeRules,
    ...(flags.minSeverity !== undefined ? { minSeverity: flags.minSeverity } : {}),
  });
  if (rules.length === 0) throw new UsageError('no rules selected: check --rules, --exclude-rules and --min-severity');
  const plan: ScanPlan = {
    targets: parseFormats(flags.format, flags.output),
    failOn: parseSeverityOrNone(flags.failOn ?? 'high', '--fail-on'),
    failOnError: flags.failOnError ?? false,
    colour: flags.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR),
  };
  for (const t of plan.targets) if (t.path) assertWritable(t.path, `--format ${t.format}`);
  if (flags.saveInventory) assertWritable(flags.saveInventory, '--save-inventory');
  // Read before collecting: a bad baseline should not cost a whole scan first.
  const baseline = loadBaseline(cliFlags.baseline, config.baseline);
  const accounts = parseAccountFlags(flags, io.cwd);
  if (accounts?.members && flags.saveInventory) {
    throw new UsageError('--save-inventory saves one account and cannot be combined with --accounts or --organization');
  }

  let inventories: Inventory[];
  let failures: AccountFailure[] = [];
  if (flags.inventory?.length) {
    const conflicting = [
      cliFlags.region.length ? '--region' : '',
      flags.allRegions ? '--all-regions' : '',
      flags.profile ? '--profile' : '',
      flags.endpointUrl ? '--endpoint-url' : '',
      flags.saveInventory ? '--save-inventory' : '',
      accounts ? '--role-arn, --accounts, --organization' : '',
    ].filter(Boolean);
    if (conflicting.length) {
      throw new UsageError(`--inventory evaluates a saved inventory offline and cannot be combined with ${conflicting.join(', ')}`);
    }
    inventories = loadInventories(flags.inventory);
  } else {
    ({ inventories, failures } = await collect(flags, [...new Set(rules.flatMap((r) => r.needs))], io, accounts));
    warnOfRefusedCredentials(inventories, io);
    const [only] = inventories;
    if (flags.saveInventory && only) writeChunksAtomic(flags.saveInventory, serialiseInventoryPieces(only));
  }

  return evaluateAndWrite(
    {
      version: VERSION,
      rules,
      inventories,
      failures,
      ruleOptions: config.ruleOptions,
      suppressions: config.suppressions,
      baseline,
      startedAt,
      plan,
      showPass: flags.showPass ?? false,
      progress: startReportProgress(io.stderr, !flags.quiet && !flags.debug, rules.length),
    },
    io,
  );
}
