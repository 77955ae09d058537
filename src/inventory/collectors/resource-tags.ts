import { paginateGetResources, type ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import { paginateListTags, type Tag } from '@aws-sdk/client-sagemaker';
import { classifyError, isNotFound } from '../../aws/classify-error.js';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import type { CollectionError, ResourceBase, Slice, SliceName, Slices, Tags } from '../model.js';
import type { ResourceTags } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** The slices whose resources' tags are read (the ones that run up the bill). */
export const TAGGED_SLICES = ['endpoints', 'notebookInstances', 'models', 'featureGroups'] as const satisfies readonly SliceName[];

/**
 * The Resource Groups Tagging API's names for the tagged slices' resource types: `service:resourceType`, "the same
 * as that embedded in a resource's ARN" (GetResources, ResourceTypeFilters, in the API reference).
 */
export const TAGGING_RESOURCE_TYPES: { readonly [S in (typeof TAGGED_SLICES)[number]]: string } = {
  endpoints: 'sagemaker:endpoint',
  notebookInstances: 'sagemaker:notebook-instance',
  models: 'sagemaker:model',
  featureGroups: 'sagemaker:feature-group',
};

/** GetResources' ResourcesPerPage: "a minimum of 1 and a maximum value of 100" (API reference). */
export const RESOURCES_PER_PAGE = 100;

type Target = Omit<ResourceBase, 'tags'>;

const lastSegment = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/**
 * Every resource of the tagged slices, deduplicated by ARN. A resource that was listed but could not be described
 * is included too: its ARN is known, and ListTags does not depend on the Describe that failed.
 */
export function tagTargets(sources: Partial<Slices>): Target[] {
  const found = new Map<string, Target>();
  for (const slice of TAGGED_SLICES) {
    const data = sources[slice];
    for (const it of data?.items ?? []) {
      if (it.arn && !found.has(it.arn)) {
        found.set(it.arn, { arn: it.arn, name: it.name, region: it.region, resourceType: it.resourceType });
      }
    }
    for (const e of data?.errors ?? []) {
      if (e.resourceArn && !found.has(e.resourceArn)) {
        found.set(e.resourceArn, {
          arn: e.resourceArn,
          name: lastSegment(e.resourceArn),
          region: e.region,
          resourceType: SLICES[slice].resourceType,
        });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}

/** SageMaker's and the Tagging API's Tag have the same shape. */
type AnyTag = Pick<Tag, 'Key' | 'Value'>;

export function toResourceTags(tags: readonly AnyTag[], target: Target): ResourceTags {
  const out: Tags = {};
  for (const t of tags) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return { ...target, tags: out };
}

/**
 * The tags of every tagged resource of one region, by lower-cased ARN, from GetResources: one call per 100 resources
 * instead of one ListTags per resource. The pages read before a failure are kept (each is the resources' current
 * tags); what a failure leaves out is read with ListTags like anything else GetResources did not return.
 */
async function bulkTags(ctx: CollectorContext, region: string): Promise<Map<string, ResourceTagMapping['Tags']>> {
  const found = new Map<string, ResourceTagMapping['Tags']>();
  const client = ctx.clients.get('tag', region);
  try {
    await ctx.limit('tag', region)(async () => {
      const pages = paginateGetResources(
        { client, pageSize: RESOURCES_PER_PAGE },
        { ResourceTypeFilters: Object.values(TAGGING_RESOURCE_TYPES) },
      );
      for await (const page of pages) {
        ctx.signal?.throwIfAborted();
        for (const m of page.ResourceTagMappingList ?? []) {
          if (m.ResourceARN) found.set(m.ResourceARN.toLowerCase(), m.Tags ?? []);
        }
      }
    });
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    // Denied (ViewOnlyAccess does not allow tag:GetResources; SecurityAudit does), throttled out, or failed: ListTags
    // reads the same tags, so nothing is lost and no error is recorded unless ListTags fails too. The note says why
    // this region cost one call per resource.
    const c = classifyError(err);
    ctx.note(`tag:GetResources failed in ${region} (${c.code}): tags were read with sagemaker:ListTags, one call per resource`);
  }
  return found;
}

/**
 * Tags come from the Resource Groups Tagging API's GetResources in bulk, once the resources are known; ListTags per
 * resource reads what it does not return (Describe calls do not return tags).
 *
 * Why ListTags for a resource GetResources left out, rather than taking it as untagged: the API reference says
 * GetResources returns "all the tagged or previously tagged resources" and "does not return untagged resources",
 * but nowhere promises that its index is current — it is built from each service's own tags, and a resource tagged
 * at creation or since may not be in it yet — so absence does not prove "no tags". A wrong "no tags" would make
 * cost-allocation-tags FAIL a resource that is tagged and drop its owner suppressions; a ListTags call costs little,
 * since in a well-tagged account few resources are absent.
 */
export const resourceTagsCollector: DerivedCollector<'resourceTags'> = {
  slice: 'resourceTags',
  scope: 'derived',
  operations: ['tag:GetResources', 'sagemaker:ListTags'],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<ResourceTags>> => {
    const errors: CollectionError[] = [];
    const targets = tagTargets(sources);
    const regions = [...new Set(targets.map((t) => t.region))];
    const bulk = new Map(await Promise.all(regions.map(async (r) => [r, await bulkTags(ctx, r)] as const)));

    const listTags = (target: Target): Promise<ResourceTags | undefined> =>
      ctx.limit('sagemaker', target.region)(async (): Promise<ResourceTags | undefined> => {
        ctx.signal?.throwIfAborted();
        const client = ctx.clients.get('sagemaker', target.region);
        const tags: Tag[] = [];
        try {
          // ListTags accepts MaxResults of 50 or more; resources hold at most 50 user tags, so one page is usual.
          for await (const page of paginateListTags({ client, pageSize: 100 }, { ResourceArn: target.arn })) {
            tags.push(...(page.Tags ?? []));
          }
        } catch (err) {
          if (ctx.signal?.aborted) throw err;
          // Deleted since it was listed.
          if (isNotFound(err)) return undefined;
          errors.push(
            collectionError(err, {
              slice: 'resourceTags',
              region: target.region,
              service: 'sagemaker',
              operation: 'ListTags',
              resourceArn: target.arn,
            }),
          );
          return undefined;
        }
        return toResourceTags(tags, target);
      });

    const items = await Promise.all(
      targets.map((target) => {
        const tags = bulk.get(target.region)?.get(target.arn.toLowerCase());
        return tags ? Promise.resolve(toResourceTags(tags, target)) : listTags(target);
      }),
    );
    return {
      items: items.filter((t): t is ResourceTags => t !== undefined),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
