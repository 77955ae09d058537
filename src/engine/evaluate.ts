import { kmsReferenceArn, regionOfReference } from '../inventory/kms-ref.js';
import {
  GLOBAL_REGION,
  type CollectionError,
  type Inventory,
  type KmsKey,
  type ResourceBase,
  type SliceItems,
  type SliceName,
} from '../inventory/model.js';
import { SLICES, sliceClosure } from '../inventory/slices.js';
import type { Finding, FindingResource } from './finding.js';
import type { EvaluateContext, Evidence, Lookup, Rule, RuleResult, SliceView } from './rule.js';
import type { Dimension, Pillar, Status } from './taxonomy.js';

export interface EvaluateOptions {
  /** Per-rule option overrides from the config file, keyed by rule id. */
  ruleOptions?: Record<string, Record<string, unknown>>;
}

export function evaluateRules(rules: readonly Rule[], inventory: Inventory, options: EvaluateOptions = {}): Finding[] {
  const evaluator = new InventoryEvaluator(inventory, options);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const f of evaluator.evaluate(rule)) findings.push(f);
  }
  return findings;
}

/**
 * Evaluates rules one at a time over one inventory, sharing the slice indexes between them: a scan can then report
 * each rule's findings and let them go before the next rule runs, instead of holding every finding of the estate.
 */
export class InventoryEvaluator {
  private readonly indexes: SliceIndexes = new Map();
  private readonly resources: FindingResources = new WeakMap();

  constructor(
    private readonly inventory: Inventory,
    private readonly options: EvaluateOptions = {},
  ) {}

  evaluate(rule: Rule): Finding[] {
    return evaluateRule(rule, this.inventory, this.options.ruleOptions?.[rule.id], this.indexes, this.resources);
  }
}

/** A slice's items by lower-cased ARN and by name (and region): the first item wins, as a linear search would find. */
interface SliceIndex {
  byArn: Map<string, ResourceBase>;
  byName: Map<string, ResourceBase>;
  byRegionAndName: Map<string, ResourceBase>;
}

/** Built once per slice for one evaluation, shared by every rule's lookups (a linear search each is quadratic). */
type SliceIndexes = Map<SliceName, SliceIndex>;

function sliceIndex(indexes: SliceIndexes, slice: SliceName, items: readonly ResourceBase[]): SliceIndex {
  let index = indexes.get(slice);
  if (!index) {
    index = { byArn: new Map(), byName: new Map(), byRegionAndName: new Map() };
    for (const it of items) {
      const arn = it.arn.toLowerCase();
      if (!index.byArn.has(arn)) index.byArn.set(arn, it);
      if (!index.byName.has(it.name)) index.byName.set(it.name, it);
      const key = `${it.region}\u0000${it.name}`;
      if (!index.byRegionAndName.has(key)) index.byRegionAndName.set(key, it);
    }
    indexes.set(slice, index);
  }
  return index;
}

const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

export function accountResource(accountId: string, region: string = GLOBAL_REGION): ResourceBase {
  const arn =
    region === GLOBAL_REGION ? `arn:aws:iam::${accountId}:root` : `arn:aws:sagemaker:${region}:${accountId}:account`;
  return { arn, name: `account ${accountId}`, region, resourceType: ACCOUNT_RESOURCE_TYPE, tags: {} };
}

export function describeCollectionError(error: CollectionError): string {
  const where = error.region === GLOBAL_REGION ? '' : ` in ${error.region}`;
  return `${error.operation}${where} failed (${error.code}${error.kind === 'access-denied' ? `: ${error.action} denied` : ''})`;
}

function lastSegment(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : arn;
}

function scopeResource(error: CollectionError, accountId: string): ResourceBase {
  const info = SLICES[error.slice];
  const region = error.region === GLOBAL_REGION ? '' : error.region;
  return {
    arn: `arn:aws:${info.service}:${region}:${accountId}:${error.slice}/*`,
    name: `${error.slice} (${error.region})`,
    region: error.region,
    resourceType: info.resourceType,
    tags: {},
  };
}

function regionAffected(errorRegion: string, resourceRegion: string): boolean {
  return errorRegion === resourceRegion || errorRegion === GLOBAL_REGION || resourceRegion === GLOBAL_REGION;
}

/** A message template split once into its text and its `{placeholders}`: text at even positions, names at odd. */
type CompiledTemplate = readonly string[];

const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/**
 * `{key}` replaced by `data[key]`, `{name}` by the resource's name unless `data` gives one, and any other
 * placeholder left as it is. Rendered from the split template: a large scan renders hundreds of thousands.
 */
function renderMessage(template: string, name: string, data: Record<string, string | number>): string {
  const parts = compileTemplate(template);
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    text += key in data ? String(data[key]) : key === 'name' ? name : `{${key}}`;
    text += parts[i + 1] ?? '';
  }
  return text;
}

function makeContext(
  rule: Rule,
  inventory: Inventory,
  optionOverrides: Record<string, unknown> | undefined,
  indexes: SliceIndexes,
  verdict: Verdicts,
): EvaluateContext<string, Record<string, unknown>> {
  const accountId = inventory.account.id;

  const lookup = <K extends SliceName>(slice: K, arnOrName: string, region: string): Lookup<SliceItems[K]> => {
    const data = inventory.slices[slice];
    if (!data) {
      return {
        status: 'error',
        error: {
          slice,
          region,
          operation: 'collect',
          action: '',
          kind: 'not-collected',
          code: 'NotCollected',
          message: `${slice} were not collected`,
        },
      };
    }
    const byArn = arnOrName.startsWith('arn:');
    const wanted = arnOrName.toLowerCase();
    const global = SLICES[slice].global;
    const index = sliceIndex(indexes, slice, data.items);
    const item = (
      byArn ? index.byArn.get(wanted) : global ? index.byName.get(arnOrName) : index.byRegionAndName.get(`${region}\u0000${arnOrName}`)
    ) as SliceItems[K] | undefined;
    if (item) return { status: 'found', item };
    const resourceError = data.errors.find(
      (e) =>
        e.resourceArn !== undefined &&
        (byArn
          ? e.resourceArn.toLowerCase() === wanted
          : lastSegment(e.resourceArn).toLowerCase() === wanted && (global || e.region === region)),
    );
    if (resourceError) return { status: 'error', error: resourceError };
    const where = byArn ? regionOfReference(arnOrName, region) : region;
    const regionError = data.errors.find((e) => e.resourceArn === undefined && regionAffected(e.region, where));
    if (regionError) return { status: 'error', error: regionError };
    return { status: 'absent' };
  };

  const kmsKey = (reference: string, region: string): Lookup<KmsKey> => {
    const arn = kmsReferenceArn(reference, regionOfReference(reference, region), accountId);
    return findKeyByReference(inventory, arn) ?? lookup('kmsKeys', arn, region);
  };

  const gap = (slice: SliceName, region: string): CollectionError | undefined =>
    inventory.slices[slice]?.errors.find((e) => regionAffected(e.region, region));

  return {
    accountId,
    collectedAt: inventory.collectedAt,
    regions: inventory.regions,
    options: { ...(rule.options ?? {}), ...(optionOverrides ?? {}) },
    pass: (resource, evidence) => verdict('PASS', resource, `${resource.name}: ${rule.title}.`, undefined, evidence),
    fail: (resource, messageId, data = {}, evidence) => {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} has no message '${messageId}'`);
      return verdict('FAIL', resource, renderMessage(template, resource.name, data), messageId, evidence);
    },
    error: (resource, message, evidence) => verdict('ERROR', resource, message, undefined, evidence),
    lookup,
    kmsKey,
    gap,
    regionsWith: (resources, slices) => {
      const present = new Set(resources.map((r) => r.region));
      return [...new Set([...inventory.regions, ...present])]
        .sort()
        .filter((region) => present.has(region) || slices.some((slice) => gap(slice, region)));
    },
    accountResource: (region) => accountResource(accountId, region),
  };
}

function findKeyByReference(inventory: Inventory, arn: string): Lookup<KmsKey> | undefined {
  const wanted = arn.toLowerCase();
  const item = inventory.slices.kmsKeys?.items.find(
    (k) => k.arn.toLowerCase() === wanted || k.references.some((r) => r.toLowerCase() === wanted),
  );
  return item ? { status: 'found', item } : undefined;
}

/**
 * The slices whose gaps make a rule's verdicts unreliable: what it reads, and, when it walks a derived slice
 * (every KMS key, every role), the slices that slice is built from, since a source that failed to list leaves
 * the derived list short. A derived slice used only for lookups needs no more: a lookup that misses reports
 * its own error.
 */
export function blockingSlices(rule: Rule): SliceName[] {
  const primary = rule.needs[0];
  return [...new Set([...rule.needs, ...(primary ? sliceClosure([primary]) : [])])];
}

/** How a rule's context turns a verdict on a resource into a finding. */
type Verdicts = (status: Status, resource: ResourceBase, message: string, messageId?: string, evidence?: Evidence) => Finding;

/**
 * A resource as findings name it, made once per resource and shared by every rule's findings on it (a resource
 * has several): frozen, so that no report can change one finding's resource through another.
 */
type FindingResources = WeakMap<ResourceBase, FindingResource>;

function findingResource(cache: FindingResources, r: ResourceBase): FindingResource {
  let resource = cache.get(r);
  if (!resource) {
    resource = Object.freeze({ arn: r.arn, type: r.resourceType, name: r.name });
    cache.set(r, resource);
  }
  return resource;
}

function evaluateRule(
  rule: Rule,
  inventory: Inventory,
  optionOverrides: Record<string, unknown> | undefined,
  indexes: SliceIndexes,
  resources: FindingResources,
): Finding[] {
  const accountId = inventory.account.id;
  // One copy of the rule's taxonomy for all its findings (frozen: no report may edit one finding's through another).
  const dimensions = Object.freeze([...rule.dimensions]) as Dimension[];
  const pillars = Object.freeze([...(rule.pillars ?? [])]) as Pillar[];
  // Keys in the report's order, each shape one object literal: no object spread and no property added afterwards
  // (either makes V8 copy or grow the object), since a scan of 100,000 resources makes over half a million findings.
  // Rules get these findings from their context's pass/fail/error: one object per verdict, not a result and a copy.
  const { id: ruleId, title, severity, kind, phase } = rule;
  const remediation = rule.remediation.summary;
  const account = accountId;
  const make = (status: Status, resource: FindingResource, region: string, message: string, messageId?: string, evidence?: Evidence): Finding => {
    if (messageId !== undefined) {
      if (evidence) {
        return { ruleId, title, status, severity, kind, phase, dimensions, pillars, resource, account, region, message, messageId, evidence, remediation };
      }
      return { ruleId, title, status, severity, kind, phase, dimensions, pillars, resource, account, region, message, messageId, remediation };
    }
    if (evidence) {
      return { ruleId, title, status, severity, kind, phase, dimensions, pillars, resource, account, region, message, evidence, remediation };
    }
    return { ruleId, title, status, severity, kind, phase, dimensions, pillars, resource, account, region, message, remediation };
  };
  const verdict: Verdicts = (status, resource, message, messageId, evidence) =>
    make(status, findingResource(resources, resource), resource.region, message, messageId, evidence);
  const error = (resource: ResourceBase, message: string): Finding => verdict('ERROR', resource, message);

  const scope = blockingSlices(rule);
  const missing = scope.filter((s) => inventory.slices[s] === undefined);
  if (missing.length > 0) {
    return [error(accountResource(accountId), `Not evaluated: the inventory holds no ${missing.join(', ')} (not collected).`)];
  }

  // Only the declared slices are handed over; defineRule's typing keeps evaluate from reading others.
  const view = Object.fromEntries(rule.needs.map((n) => [n, inventory.slices[n]?.items ?? []])) as unknown as SliceView<SliceName>;
  let results: RuleResult[];
  try {
    results = rule.evaluate(view, makeContext(rule, inventory, optionOverrides, indexes, verdict));
  } catch (err) {
    return [error(accountResource(accountId), `Not evaluated: rule failed (${err instanceof Error ? err.message : String(err)}).`)];
  }

  // A slice that could not be (fully) listed in a region is reported once per failed scope. What that does to the
  // verdicts depends on where the gap is. Resources of the rule's own slice that were read keep their verdicts:
  // each stands on its own Describe. But a verdict drawn from another slice (a config, a schedule looked up for
  // an endpoint) or about the account as a whole might rest on what is missing, so it becomes ERROR.
  const regionErrors = new Map<string, CollectionError>();
  for (const slice of scope) {
    for (const e of inventory.slices[slice]?.errors ?? []) {
      if (e.resourceArn === undefined) regionErrors.set(`${e.slice}|${e.region}|${e.operation}`, e);
    }
  }
  const blocked = [...regionErrors.values()];
  const secondary = new Set(rule.needs.slice(1));
  const findings: Finding[] =
    blocked.length === 0
      ? results
      : results.map((r) => {
          if (r.status === 'ERROR') return r;
          const accountWide = r.resource.type === ACCOUNT_RESOURCE_TYPE;
          const cause = blocked.find((e) => (accountWide || secondary.has(e.slice)) && regionAffected(e.region, r.region));
          if (!cause) return r;
          const message = `Not evaluated: ${describeCollectionError(cause)}, so the data for this check is incomplete.`;
          return make('ERROR', r.resource, r.region, message);
        });
  for (const e of blocked) findings.push(error(scopeResource(e, accountId), `Not evaluated: ${describeCollectionError(e)}.`));

  // A resource listed but not described is reported where the rule reads it directly, and where the rule walks a
  // derived slice built from it (every KMS key, every lifecycle configuration): what it references is unknown, so
  // the derived slice may lack exactly the item that would have failed.
  const primary = rule.needs[0];
  const sources = primary ? sliceClosure([primary]).filter((s) => s !== primary) : [];
  const unread = (slice: SliceName): CollectionError[] => inventory.slices[slice]?.errors ?? [];
  const describeErrors = [
    ...(primary ? unread(primary).map((e) => ({ e, why: '' })) : []),
    ...sources.flatMap((s) => unread(s).map((e) => ({ e, why: ', so what it references is unknown' }))),
  ];
  // Only when there is something to add: lower-casing every finding's ARN is not free at 100,000 resources.
  const seen = new Set<string>(describeErrors.some((d) => d.e.resourceArn !== undefined) ? findings.map((f) => f.resource.arn.toLowerCase()) : []);
  for (const { e, why } of describeErrors) {
    if (e.resourceArn === undefined || seen.has(e.resourceArn.toLowerCase())) continue;
    seen.add(e.resourceArn.toLowerCase());
    const resource = { arn: e.resourceArn, type: SLICES[e.slice].resourceType, name: lastSegment(e.resourceArn) };
    findings.push(make('ERROR', resource, e.region, `Not evaluated: ${describeCollectionError(e)}${why}.`));
  }
  return findings;
}
