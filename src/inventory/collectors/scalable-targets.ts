import {
  paginateDescribeScalableTargets,
  paginateDescribeScalingPolicies,
  type ScalableTarget as AutoScalingTarget,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import { collectionError, type CollectorContext, type RegionalCollector } from '../collector.js';
import type { ScalableTarget } from '../model-monitoring.js';
import type { CollectionError, Slice } from '../model.js';
import { SLICES } from '../slices.js';

/** Application Auto Scaling caps MaxResults at 50 for both calls. */
const PAGE_SIZE = 50;

const VARIANT_RESOURCE = /^endpoint\/([^/]+)\/variant\/([^/]+)$/;

function targetKey(resourceId: string | undefined, dimension: string | undefined): string {
  return `${resourceId ?? ''}|${dimension ?? ''}`;
}

/**
 * Maps a scalable target and the policies attached to it. Only endpoint variants are kept (SageMaker also registers
 * `inference-component/<name>` targets, which no rule reads yet): anything else maps to undefined.
 *
 * ScalableTargetARN is optional in the API (it came with tagging support in 2023; emulators omit it). A target without
 * one gets a stable synthetic ARN,
 * `arn:aws:application-autoscaling:<region>:<account>:scalable-target/sagemaker/<resource id>/<dimension>`, so that
 * findings still name them uniquely and identically from one scan to the next.
 */
export function toScalableTarget(
  t: AutoScalingTarget,
  policies: readonly ScalingPolicy[],
  region: string,
  accountId: string,
): ScalableTarget | undefined {
  const resourceId = t.ResourceId ?? '';
  const match = VARIANT_RESOURCE.exec(resourceId);
  if (!match) return undefined;
  const scalableDimension = t.ScalableDimension ?? '';
  const attached = policies.filter((p) => targetKey(p.ResourceId, p.ScalableDimension) === targetKey(resourceId, scalableDimension));
  return {
    arn:
      t.ScalableTargetARN ??
      `arn:aws:application-autoscaling:${region}:${accountId}:scalable-target/sagemaker/${resourceId}/${scalableDimension}`,
    name: resourceId,
    region,
    resourceType: SLICES.scalableTargets.resourceType,
    tags: {},
    resourceId,
    endpointName: match[1] ?? '',
    variantName: match[2] ?? '',
    scalableDimension,
    minCapacity: t.MinCapacity ?? 0,
    maxCapacity: t.MaxCapacity ?? 0,
    scaleOutSuspended: t.SuspendedState?.DynamicScalingOutSuspended === true,
    policyNames: attached.map((p) => p.PolicyName ?? ''),
    policyTypes: attached.map((p) => p.PolicyType ?? 'Unknown'),
  };
}

export const scalableTargetsCollector: RegionalCollector<'scalableTargets'> = {
  slice: 'scalableTargets',
  scope: 'regional',
  operations: ['application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingPolicies'],
  collect: async (ctx: CollectorContext, region: string): Promise<Slice<ScalableTarget>> => {
    const client = ctx.clients.get('application-autoscaling', region);
    const errors: CollectionError[] = [];
    const fail = (err: unknown, operation: string): void => {
      if (ctx.signal?.aborted) throw err;
      errors.push(collectionError(err, { slice: 'scalableTargets', region, service: 'application-autoscaling', operation }));
    };

    const targets: AutoScalingTarget[] = [];
    try {
      const pages = paginateDescribeScalableTargets({ client, pageSize: PAGE_SIZE }, { ServiceNamespace: 'sagemaker' });
      for await (const page of pages) {
        ctx.signal?.throwIfAborted();
        targets.push(...(page.ScalableTargets ?? []));
      }
    } catch (err) {
      fail(err, 'DescribeScalableTargets');
    }

    // Policies are listed once for the whole namespace rather than per target. If this fails, the targets are
    // kept without policies and the region-wide error stops any rule from concluding that a policy is missing.
    const policies: ScalingPolicy[] = [];
    if (targets.length > 0) {
      try {
        const pages = paginateDescribeScalingPolicies({ client, pageSize: PAGE_SIZE }, { ServiceNamespace: 'sagemaker' });
        for await (const page of pages) {
          ctx.signal?.throwIfAborted();
          policies.push(...(page.ScalingPolicies ?? []));
        }
      } catch (err) {
        fail(err, 'DescribeScalingPolicies');
      }
    }

    const items = targets
      .map((t) => toScalableTarget(t, policies, region, ctx.accountId))
      .filter((t): t is ScalableTarget => t !== undefined)
      .sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.scalableDimension.localeCompare(b.scalableDimension));
    return { items, errors };
  },
};
