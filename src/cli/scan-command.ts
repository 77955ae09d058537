import { STSClient } from '@aws-sdk/client-sts';
import { RULES } from '../../rules/index.js';
import { ClientFactory } from '../aws/client-factory.js';
import { loadConfig, type Config } from '../config/config.js';
import { evaluateRules } from '../engine/evaluate.js';
import { applySuppressions, tagIndex } from '../engine/suppress.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { selectRules } from '../engine/select.js';
import type { Severity } from '../engine/taxonomy.js';
import { collectInventory } from '../inventory/collect.js';
import { loadInventory, serialiseInventory } from '../inventory/load.js';
import type { Inventory, SliceName } from '../inventory/model.js';
import { sliceClosure, SLICES } from '../inventory/slices.js';
import { renderJson } from '../report/json.js';
import { buildReport, type ScanReport } from '../report/report.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { assertWritable, writeFileAtomic } from './output-files.js';
import {
  parseDuration,
  parseFormats,
  parsePositiveInt,
  parseRegions,
  parseSeverityOrNone,
  type OutputTarget,
} from './parse.js';
import { startProgress } from './progress.js';

/** The options exactly as commander hands them over. */
export interface ScanFlags {
  inventory?: string;
  saveInventory?: string;
  region: string[];
  profile?: string;
  endpointUrl?: string;
  concurrency: string;
  since: string;
  maxJobs: string;
  rules: string[];
  excludeRules: string[];
  minSeverity?: string;
  format: string[];
  output?: string;
  failOn?: string;
  failOnError?: boolean;
  config?: string;
  color?: boolean;
  showPass?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export interface ScanIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

interface ScanPlan {
  targets: OutputTarget[];
  failOn: Severity | 'none';
  failOnError: boolean;
  colour: boolean;
}

function render(report: ScanReport, target: OutputTarget, plan: ScanPlan, showPass: boolean): string {
  switch (target.format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'text':
      return renderText(report, { color: target.path === undefined && plan.colour, showPass });
  }
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

async function collect(flags: ScanFlags, needs: SliceName[], io: ScanIo): Promise<Inventory> {
  let regions = parseRegions(flags.region);
  if (regions.length === 0) {
    const region = await defaultRegion(flags.profile, io.env);
    if (!region) throw new UsageError('no region given: pass --region (e.g. --region us-east-1) or set AWS_REGION');
    regions = parseRegions([region]);
  }
  const concurrency = parsePositiveInt(flags.concurrency, '--concurrency', 256);
  const sinceMs = parseDuration(flags.since, '--since');
  const maxJobs = parsePositiveInt(flags.maxJobs, '--max-jobs');
  const clients = new ClientFactory({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {}),
    maxSockets: concurrency * 2,
    ...(flags.debug ? { debug: (line: string) => io.stderr.write(`debug: ${line}\n`) } : {}),
  });
  const slices = sliceClosure(needs);
  const regional = slices.filter((s) => !SLICES[s].dependsOn.length).length;
  const progress = startProgress(
    io.stderr,
    !flags.quiet && !flags.debug,
    regional * regions.length + (slices.length - regional),
    clients.stats,
  );
  try {
    return await collectInventory({
      regions,
      needs,
      clients,
      concurrency,
      since: new Date(Date.now() - sinceMs),
      maxJobs,
      onSliceDone: () => progress.sliceDone(),
    });
  } finally {
    progress.stop();
    clients.destroy();
  }
}

/** Command-line flags win; the config file fills in what they leave unset. */
function withConfigDefaults(flags: ScanFlags, config: Config): ScanFlags {
  return {
    ...flags,
    region: flags.region.length ? flags.region : (config.regions ?? []),
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

  let inventory: Inventory;
  if (flags.inventory) {
    const conflicting = [
      cliFlags.region.length ? '--region' : '',
      flags.profile ? '--profile' : '',
      flags.endpointUrl ? '--endpoint-url' : '',
      flags.saveInventory ? '--save-inventory' : '',
    ].filter(Boolean);
    if (conflicting.length) {
      throw new UsageError(`--inventory evaluates a saved inventory offline and cannot be combined with ${conflicting.join(', ')}`);
    }
    inventory = loadInventory(flags.inventory);
  } else {
    inventory = await collect(flags, [...new Set(rules.flatMap((r) => r.needs))], io);
    if (flags.saveInventory) writeFileAtomic(flags.saveInventory, serialiseInventory(inventory));
  }

  const evaluated = evaluateRules(rules, inventory, { ruleOptions: config.ruleOptions });
  const today = io.now().toISOString().slice(0, 10);
  const { findings, expired } = applySuppressions(evaluated, config.suppressions, today, tagIndex([inventory]));
  const report = buildReport({
    version: VERSION,
    inventories: [inventory],
    rules,
    findings,
    startedAt,
    finishedAt: io.now().toISOString(),
    expiredSuppressions: expired,
  });

  for (const target of plan.targets) {
    const text = render(report, target, plan, flags.showPass ?? false);
    if (target.path) writeFileAtomic(target.path, text);
    else io.stdout.write(text);
  }
  return exitCodeFor(report.findings, report.errors.length, { failOn: plan.failOn, failOnError: plan.failOnError });
}
