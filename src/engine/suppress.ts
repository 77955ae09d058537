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

/** Tags of every resource in the inventory, by lowercased ARN. */
export function tagIndex(inventories: readonly Inventory[]): Map<string, Tags> {
  const index = new Map<string, Tags>();
  for (const inv of inventories) {
    for (const slice of Object.values(inv.slices)) {
      for (const item of slice?.items ?? []) {
        if (Object.keys(item.tags).length > 0) index.set(item.arn.toLowerCase(), item.tags);
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
  const active = suppressions.filter((s) => s.expires === undefined || s.expires >= today);
  const expired = suppressions.filter((s) => s.expires !== undefined && s.expires < today);
  const matchers = active.map((s) => ({ s, resource: globToRegExp(s.resource) }));
  const out = findings.map((f): Finding => {
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
  return { findings: out, expired };
}
