import {
  DescribeModelCommand,
  paginateListModels,
  type ContainerDefinition,
  type DescribeModelOutput,
  type ModelSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { Model, ModelContainer } from '../model.js';
import { SLICES } from '../slices.js';

function toContainer(c: ContainerDefinition): ModelContainer {
  return {
    image: c.Image,
    repositoryAccessMode: c.ImageConfig?.RepositoryAccessMode,
    modelPackageName: c.ModelPackageName,
    modelDataUrl: c.ModelDataUrl,
  };
}

export function toModel(d: DescribeModelOutput, region: string): Model {
  // A model has either one PrimaryContainer or an inference pipeline of Containers, never both.
  const containers = [...(d.PrimaryContainer ? [d.PrimaryContainer] : []), ...(d.Containers ?? [])];
  return {
    arn: d.ModelArn ?? '',
    name: d.ModelName ?? '',
    region,
    resourceType: SLICES.models.resourceType,
    tags: {},
    creationTime: iso(d.CreationTime) ?? '',
    executionRoleArn: d.ExecutionRoleArn,
    // EnableNetworkIsolation absent = false: the container may make network calls.
    networkIsolation: d.EnableNetworkIsolation === true,
    ...(d.VpcConfig
      ? { vpc: { subnets: d.VpcConfig.Subnets ?? [], securityGroupIds: d.VpcConfig.SecurityGroupIds ?? [] } }
      : {}),
    containers: containers.map(toContainer),
  };
}

export const modelsCollector: RegionalCollector<'models'> = {
  slice: 'models',
  scope: 'regional',
  operations: ['sagemaker:ListModels', 'sagemaker:DescribeModel'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<ModelSummary, Model>({
      ctx,
      slice: 'models',
      region,
      service: 'sagemaker',
      listOperation: 'ListModels',
      describeOperation: 'DescribeModel',
      pages: () => pagesOf(paginateListModels({ client, pageSize: 100 }, {}), (p) => p.Models),
      arnOf: (s) => s.ModelArn ?? '',
      describe: async (s) => toModel(await client.send(new DescribeModelCommand({ ModelName: s.ModelName })), region),
    });
  },
};
