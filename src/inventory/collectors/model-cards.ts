import {
  DescribeModelCardCommand,
  paginateListModelCards,
  type DescribeModelCardResponse,
  type ModelCardSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { ModelCard } from '../model-governance.js';
import { SLICES } from '../slices.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(parent: unknown, key: string): string | undefined {
  const value = isRecord(parent) ? parent[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The references a model card's Content (a JSON string in the model card schema) makes to what it documents.
 * Content is free-form enough to be read defensively: anything malformed simply yields no reference.
 */
export function modelCardReferences(content: string | undefined): Pick<ModelCard, 'modelPackageArn' | 'modelId' | 'modelName'> {
  if (!content) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const modelPackageArn = text(parsed.model_package_details, 'model_package_arn');
  const modelId = text(parsed.model_overview, 'model_id');
  const modelName = text(parsed.model_overview, 'model_name');
  return {
    ...(modelPackageArn ? { modelPackageArn } : {}),
    ...(modelId ? { modelId } : {}),
    ...(modelName ? { modelName } : {}),
  };
}

export function toModelCard(d: DescribeModelCardResponse, region: string): ModelCard {
  return {
    arn: d.ModelCardArn ?? '',
    name: d.ModelCardName ?? '',
    region,
    resourceType: SLICES.modelCards.resourceType,
    tags: {},
    status: d.ModelCardStatus ?? 'Unknown',
    ...(d.ModelCardVersion !== undefined ? { version: d.ModelCardVersion } : {}),
    // Without SecurityConfig the card is encrypted with an AWS owned key.
    ...(d.SecurityConfig?.KmsKeyId ? { kmsKeyId: d.SecurityConfig.KmsKeyId } : {}),
    ...modelCardReferences(d.Content),
    creationTime: iso(d.CreationTime) ?? '',
    ...(d.LastModifiedTime ? { lastModifiedTime: iso(d.LastModifiedTime) } : {}),
  };
}

export const modelCardsCollector: RegionalCollector<'modelCards'> = {
  slice: 'modelCards',
  scope: 'regional',
  operations: ['sagemaker:ListModelCards', 'sagemaker:DescribeModelCard'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<ModelCardSummary, ModelCard>({
      ctx,
      slice: 'modelCards',
      region,
      service: 'sagemaker',
      listOperation: 'ListModelCards',
      describeOperation: 'DescribeModelCard',
      pages: () => pagesOf(paginateListModelCards({ client, pageSize: 100 }, {}), (p) => p.ModelCardSummaries),
      arnOf: (s) => s.ModelCardArn ?? '',
      describe: async (s) =>
        toModelCard(
          await client.send(
            // MetadataOnly keeps the status, security config and the content's model references
            // (model_overview.model_id/model_name, model_package_details.model_package_arn) but needs no kms:Decrypt
            // on a card encrypted with a customer-managed key, and never returns the card's prose.
            new DescribeModelCardCommand({ ModelCardName: s.ModelCardName, IncludedData: 'MetadataOnly' }),
          ),
          region,
        ),
    });
  },
};
