import { paginateListTags, type Tag } from '@aws-sdk/client-sagemaker';
import { isNotFound } from '../../aws/classify-error.js';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import type { CollectionError, ResourceBase, Slice, SliceName, Slices, Tags } from '../model.js';
import type { ResourceTags } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** The slices whose resources' tags are read (the ones that run up the bill). */
export const TAGGED_SLICES = ['endpoints', 'notebookInstances', 'models', 'featureGroups'] as const satisfies readonly SliceName[];

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

export function toResourceTags(tags: readonly Tag[], target: Target): ResourceTags {
  const out: Tags = {};
  for (const t of tags) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return { ...target, tags: out };
}

/** Tags come from ListTags per resource (Describe calls do not return them), once the resources are known. */
export const resourceTagsCollector: DerivedCollector<'resourceTags'> = {
  slice: 'resourceTags',
  scope: 'derived',
  operations: ['sagemaker:ListTags'],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<ResourceTags>> => {
    const errors: CollectionError[] = [];
    const items = await Promise.all(
      tagTargets(sources).map((target) =>
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
        }),
      ),
    );
    return {
      items: items.filter((t): t is ResourceTags => t !== undefined),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
