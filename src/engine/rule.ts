import type { Finding } from './finding.js';
import type { CollectionError, KmsKey, ResourceBase, SliceItems, SliceName } from '../inventory/model.js';
import type { Dimension, Phase, Pillar, RuleKind, Severity, Status } from './taxonomy.js';

/** Observed values that justify a verdict, shown to auditors as evidence. */
export type Evidence = Record<string, string | number | boolean | null | string[]>;

/**
 * A verdict on one resource. Rules get them from their context's `pass`, `fail` and `error` and return them; they
 * never build one, so the engine makes each the report's finding directly.
 */
export type RuleResult = Finding;

/** A lookup in another slice: found, could not be read (with why), or simply not there. */
export type Lookup<T> =
  | { status: 'found'; item: T }
  | { status: 'error'; error: CollectionError }
  | { status: 'absent' };

export interface EvaluateContext<M extends string, O> {
  accountId: string;
  /** Ages are computed from this instant, never from the clock, so evaluation stays pure. */
  collectedAt: string;
  regions: readonly string[];
  options: O;
  pass(resource: ResourceBase, evidence?: Evidence): RuleResult;
  fail(resource: ResourceBase, messageId: M, data?: Record<string, string | number>, evidence?: Evidence): RuleResult;
  /** The rule could not decide this resource because data it depends on is missing. */
  error(resource: ResourceBase, message: string, evidence?: Evidence): RuleResult;
  /** Finds an item of `slice` by ARN, or by name within `region`. */
  lookup<K extends SliceName>(slice: K, arnOrName: string, region: string): Lookup<SliceItems[K]>;
  /** Resolves a KMS key reference (key id, alias, alias ARN or key ARN) as seen from `region`. */
  kmsKey(reference: string, region: string): Lookup<KmsKey>;
  /**
   * What leaves `slice` short in `region`: a failed List, or a Describe that failed for one of its items. A rule
   * that concludes from the absence of an item ("no schedule watches this endpoint") must check this first.
   */
  gap(slice: SliceName, region: string): CollectionError | undefined;
  /**
   * The regions a rule about a region as a whole judges, sorted: those where one of `resources` is, and those of the
   * scan where `slices` have a gap (an item that could not be listed or described may be there too).
   */
  regionsWith(resources: readonly { region: string }[], slices: readonly SliceName[]): string[];
  /** A pseudo-resource standing for the whole account (in `region`, or globally), for account-level rules. */
  accountResource(region?: string): ResourceBase;
}

export type SliceView<N extends SliceName> = { readonly [K in N]: readonly SliceItems[K][] };

export interface Remediation {
  summary: string;
  console?: string;
  cli?: string;
}

export interface RuleMetadata {
  /** Kebab-case, stable, equal to the file name; starts with the resource noun. */
  id: string;
  title: string;
  severity: Severity;
  kind: RuleKind;
  phase: Phase;
  dimensions: readonly Dimension[];
  pillars?: readonly Pillar[];
  rationale: string;
  remediation: Remediation;
  /** ML Lens ids, Security Hub controls, Config rules, documentation URLs. */
  references: readonly string[];
}

export interface RuleDefinition<N extends SliceName, M extends string, O extends Record<string, unknown>>
  extends RuleMetadata {
  needs: readonly N[];
  messages: Record<M, string>;
  /** Defaults for thresholds teams differ on; the config file may override them. */
  options?: O;
  /** Pure and synchronous: no I/O, no clock, no randomness. One result per resource evaluated. */
  evaluate(slices: SliceView<N>, ctx: EvaluateContext<M, O>): RuleResult[];
}

/** The erased shape the engine handles; `defineRule` keeps the precise one for the rule author. */
export interface Rule extends RuleMetadata {
  needs: readonly SliceName[];
  messages: Record<string, string>;
  options?: Record<string, unknown>;
  evaluate(slices: SliceView<SliceName>, ctx: EvaluateContext<string, Record<string, unknown>>): RuleResult[];
}

/**
 * Identity function whose generics make `needs` narrow what `evaluate` may read,
 * and `messages` the only message ids `fail` accepts.
 */
export function defineRule<
  const N extends SliceName,
  M extends string,
  O extends Record<string, unknown> = Record<string, never>,
>(rule: RuleDefinition<N, M, O>): Rule {
  return rule as unknown as Rule;
}
