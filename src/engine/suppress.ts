import type { Suppression } from '../config/config.js';
import type { Inventory, Tags } from '../inventory/model.js';
import type { Finding } from './finding.js';

/** Owners can accept a risk on their own resource: `mlaudit:suppress = rule-a,rule-b`. */
export const SUPPRESS_TAG = 'mlaudit:suppress';
export const SUPPRESS_REASON_TAG = 'mlaudit:suppress-reason';

export interface SuppressionOutcome {
  findings: Finding[];
  /** Config suppressions past their `expires` date: no longer applied, listed so someone renews or fixes. */
  expired: Suppression[];
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Tags of the resources that carry a suppression tag, by lowercased ARN: the only tags suppressions read. */
export function tagIndex(inventories: readonly Inventory[]): Map<string, Tags> {
  const index = new Map<string, Tags>();
  for (const inv of inventories) {
    for (const slice of Object.values(inv.slices)) {
      for (const item of slice?.items ?? []) {
        if (item.tags[SUPPRESS_TAG] !== undefined) index.set(item.arn.toLowerCase(), item.tags);
      }
    }
  }
  return index;
}

/**
 * Marks FAILs that a config entry or the resource's own tag accepts. A suppressed finding stays FAIL (it is still
 * true) but no longer counts toward --fail-on. PASS and ERROR are never suppressed: an ERROR must stay visible.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  today: string,
  tags: Map<string, Tags> = new Map(),
): SuppressionOutcome {
  const suppressor = new Suppressor(suppressions, today, tags);
  return { findings: suppressor.apply(findings), expired: suppressor.expired };
}

/** `applySuppressions` for findings that arrive in batches (a scan reports one rule at a time). */
export class Suppressor {
  /** Config suppressions past their `expires` date: no longer applied, listed so someone renews or fixes. */
  readonly expired: Suppression[];
  private readonly matchers: { s: Suppression; resource: RegExp }[];

  constructor(
    suppressions: readonly Suppression[],
    today: string,
    private readonly tags: Map<string, Tags> = new Map(),
  ) {
    this.expired = suppressions.filter((s) => s.expires !== undefined && s.expires < today);
    this.matchers = suppressions
      .filter((s) => s.expires === undefined || s.expires >= today)
      .map((s) => ({ s, resource: globToRegExp(s.resource) }));
  }

  apply(findings: readonly Finding[]): Finding[] {
    const { matchers, tags } = this;
    // Nothing to match: the common case, and at half a million findings a copy of each is not free.
    if (matchers.length === 0 && tags.size === 0) return [...findings];
    return findings.map((f): Finding => {
      if (f.status !== 'FAIL') return f;
      const hit = matchers.find(
        ({ s, resource }) =>
          s.rule === f.ruleId &&
          resource.test(f.resource.arn) &&
          (s.account === undefined || s.account === f.account) &&
          (s.region === undefined || s.region === f.region),
      );
      if (hit) {
        return {
          ...f,
          suppressed: { source: 'config', reason: hit.s.reason, ...(hit.s.expires ? { expires: hit.s.expires } : {}) },
        };
      }
      const resourceTags = tags.get(f.resource.arn.toLowerCase());
      const listed = resourceTags?.[SUPPRESS_TAG]?.split(/[,\s]+/) ?? [];
      if (listed.includes(f.ruleId)) {
        const reason = resourceTags?.[SUPPRESS_REASON_TAG] ?? `resource tag ${SUPPRESS_TAG}`;
        return { ...f, suppressed: { source: 'tag', reason } };
      }
      return f;
    });
  }
}
