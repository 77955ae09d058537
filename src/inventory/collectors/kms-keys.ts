import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  type DescribeKeyResponse,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import { kmsReferenceArn, regionOfReference } from '../kms-ref.js';
import type { CollectionError, KmsKey, Slice, Slices } from '../model.js';
import { SLICES } from '../slices.js';

interface Reference {
  /** The canonical ARN (key ARN or alias ARN) the reference was written as. */
  arn: string;
  region: string;
}

/** Every KMS key reference the collected resources make, canonicalised and deduplicated. */
export function keyReferences(sources: Partial<Slices>, accountId: string): Reference[] {
  const found = new Map<string, Reference>();
  const add = (ref: string | undefined, itemRegion: string): void => {
    if (!ref) return;
    const region = regionOfReference(ref, itemRegion);
    const arn = kmsReferenceArn(ref, region, accountId);
    if (!found.has(arn)) found.set(arn, { arn, region });
  };
  for (const c of sources.endpointConfigs?.items ?? []) {
    add(c.kmsKeyId, c.region);
    add(c.dataCapture?.kmsKeyId, c.region);
    add(c.asyncInference?.outputKmsKeyId, c.region);
  }
  for (const nb of sources.notebookInstances?.items ?? []) add(nb.kmsKeyId, nb.region);
  for (const job of sources.trainingJobs?.items ?? []) {
    add(job.volumeKmsKeyId, job.region);
    add(job.outputKmsKeyId, job.region);
  }
  for (const fg of sources.featureGroups?.items ?? []) {
    add(fg.offlineStore?.kmsKeyId, fg.region);
    add(fg.onlineStore?.kmsKeyId, fg.region);
  }
  for (const d of sources.domains?.items ?? []) add(d.kmsKeyId, d.region);
  return [...found.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}

/** Rotation status exists only for customer-managed symmetric keys whose material KMS generated. */
export function rotationApplies(m: KeyMetadata): boolean {
  return m.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.Origin === 'AWS_KMS';
}

export function toKmsKey(
  d: DescribeKeyResponse,
  region: string,
  extra: { references?: readonly string[]; rotationEnabled?: boolean } = {},
): KmsKey {
  const m: Partial<KeyMetadata> = d.KeyMetadata ?? {};
  const arn = m.Arn ?? '';
  return {
    arn,
    name: m.KeyId ?? '',
    region: regionOfReference(arn, region),
    resourceType: SLICES.kmsKeys.resourceType,
    tags: {},
    keyId: m.KeyId ?? '',
    manager: m.KeyManager ?? 'Unknown',
    state: m.KeyState ?? 'Unknown',
    keySpec: m.KeySpec,
    ...(extra.rotationEnabled !== undefined ? { rotationEnabled: extra.rotationEnabled } : {}),
    references: [...new Set([arn, ...(extra.references ?? [])])].sort(),
  };
}

class MissingKeyMetadataError extends Error {
  override name = 'MissingKeyMetadata';
}

export const kmsKeysCollector: DerivedCollector<'kmsKeys'> = {
  slice: 'kmsKeys',
  scope: 'derived',
  operations: ['kms:DescribeKey', 'kms:GetKeyRotationStatus'],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<KmsKey>> => {
    const errors: CollectionError[] = [];
    const fail = (err: unknown, region: string, operation: string, resourceArn: string): void => {
      if (ctx.signal?.aborted) throw err;
      errors.push(collectionError(err, { slice: 'kmsKeys', region, service: 'kms', operation, resourceArn }));
    };
    const send = <T>(region: string, call: () => Promise<T>): Promise<T> =>
      ctx.limit('kms', region)(() => {
        ctx.signal?.throwIfAborted();
        return call();
      });

    // One DescribeKey per distinct reference. Unlike a Describe after a List, a NotFoundException here is an error:
    // a resource points at a key that no longer exists (or the alias was deleted).
    const described = new Map<string, { output: DescribeKeyResponse; region: string; references: string[] }>();
    await Promise.all(
      keyReferences(sources, ctx.accountId).map(async (ref) => {
        try {
          const output = await send(ref.region, () =>
            ctx.clients.get('kms', ref.region).send(new DescribeKeyCommand({ KeyId: ref.arn })),
          );
          const keyArn = output.KeyMetadata?.Arn;
          if (!keyArn) throw new MissingKeyMetadataError(`DescribeKey returned no key metadata for ${ref.arn}`);
          const entry = described.get(keyArn);
          if (entry) entry.references.push(ref.arn);
          else described.set(keyArn, { output, region: ref.region, references: [ref.arn] });
        } catch (err) {
          fail(err, ref.region, 'DescribeKey', ref.arn);
        }
      }),
    );

    const items = await Promise.all(
      [...described].map(async ([keyArn, { output, region, references }]): Promise<KmsKey | undefined> => {
        const keyRegion = regionOfReference(keyArn, region);
        const metadata = output.KeyMetadata;
        if (!metadata || !rotationApplies(metadata)) return toKmsKey(output, region, { references });
        try {
          const rotation = await send(keyRegion, () =>
            ctx.clients.get('kms', keyRegion).send(new GetKeyRotationStatusCommand({ KeyId: keyArn })),
          );
          return toKmsKey(output, region, { references, rotationEnabled: rotation.KeyRotationEnabled === true });
        } catch (err) {
          // The key is left out so rules report ERROR rather than guess. The error is recorded under every
          // reference that resolved to the key (not only its ARN), so a lookup by alias finds it too.
          for (const arn of new Set([keyArn, ...references])) fail(err, keyRegion, 'GetKeyRotationStatus', arn);
          return undefined;
        }
      }),
    );

    return {
      items: items.filter((k): k is KmsKey => k !== undefined).sort((a, b) => a.arn.localeCompare(b.arn)),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
