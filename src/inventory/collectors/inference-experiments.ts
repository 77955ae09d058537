import {
  DescribeInferenceExperimentCommand,
  paginateListInferenceExperiments,
  type DescribeInferenceExperimentResponse,
  type InferenceExperimentSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { InferenceExperiment } from '../model-monitoring.js';
import { SLICES } from '../slices.js';

export function toInferenceExperiment(d: DescribeInferenceExperimentResponse, region: string): InferenceExperiment {
  const storage = d.DataStorageConfig;
  const instanceTypes = (d.ModelVariants ?? [])
    .map((v) => v.InfrastructureConfig?.RealTimeInferenceConfig?.InstanceType)
    .filter((t): t is NonNullable<typeof t> => t !== undefined);
  return {
    arn: d.Arn ?? '',
    name: d.Name ?? '',
    region,
    resourceType: SLICES.inferenceExperiments.resourceType,
    tags: {},
    status: d.Status ?? 'Unknown',
    type: d.Type,
    endpointName: d.EndpointMetadata?.EndpointName,
    creationTime: iso(d.CreationTime),
    roleArn: d.RoleArn,
    kmsKey: d.KmsKey,
    ...(storage ? { dataStorage: { destination: storage.Destination, kmsKey: storage.KmsKey } } : {}),
    instanceTypes: [...new Set(instanceTypes)],
  };
}

/** SageMaker ARNs carry the resource name lowercased. */
function experimentArn(accountId: string, region: string, name: string | undefined): string {
  return `arn:aws:sagemaker:${region}:${accountId}:inference-experiment/${(name ?? '').toLowerCase()}`;
}

export const inferenceExperimentsCollector: RegionalCollector<'inferenceExperiments'> = {
  slice: 'inferenceExperiments',
  scope: 'regional',
  operations: ['sagemaker:ListInferenceExperiments', 'sagemaker:DescribeInferenceExperiment'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<InferenceExperimentSummary, InferenceExperiment>({
      ctx,
      slice: 'inferenceExperiments',
      region,
      service: 'sagemaker',
      listOperation: 'ListInferenceExperiments',
      describeOperation: 'DescribeInferenceExperiment',
      pages: () =>
        pagesOf(paginateListInferenceExperiments({ client, pageSize: 100 }, {}), (p) => p.InferenceExperiments),
      // The summary carries no ARN, so one that could not be described is named by the ARN it would have.
      arnOf: (s) => experimentArn(ctx.accountId, region, s.Name),
      describe: async (s) =>
        toInferenceExperiment(await client.send(new DescribeInferenceExperimentCommand({ Name: s.Name })), region),
    });
  },
};
