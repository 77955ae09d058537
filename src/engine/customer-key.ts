import type { ResourceBase } from '../inventory/model.js';
import { describeCollectionError } from './evaluate.js';
import type { EvaluateContext, Evidence, RuleResult } from './rule.js';

/**
 * The verdict of a resource that names KMS key `reference`: PASS for a customer-managed key, FAIL (`awsManaged`) for
 * the AWS-managed one. The key must have been described: a key that could not be read, or is missing from the
 * inventory, leaves the key manager unknown, and that is ERROR, never PASS.
 */
export function judgeCustomerKey<M extends string>(
  ctx: Pick<EvaluateContext<M, unknown>, 'kmsKey' | 'pass' | 'fail' | 'error'>,
  resource: ResourceBase,
  reference: string,
  awsManaged: M,
  evidence: Evidence,
): RuleResult {
  const key = ctx.kmsKey(reference, resource.region);
  switch (key.status) {
    case 'error':
      return ctx.error(resource, `Not evaluated: KMS key ${reference}: ${describeCollectionError(key.error)}.`, evidence);
    case 'absent':
      return ctx.error(resource, `Not evaluated: KMS key ${reference} was not found in the inventory.`, evidence);
    case 'found': {
      const withManager = { ...evidence, KeyManager: key.item.manager };
      if (key.item.manager === 'CUSTOMER') return ctx.pass(resource, withManager);
      if (key.item.manager === 'AWS') return ctx.fail(resource, awsManaged, { key: reference }, withManager);
      return ctx.error(resource, `Not evaluated: KMS key ${reference} has an unknown KeyManager.`, withManager);
    }
  }
}
