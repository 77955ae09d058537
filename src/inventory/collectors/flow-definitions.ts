import {
  DescribeFlowDefinitionCommand,
  paginateListFlowDefinitions,
  type DescribeFlowDefinitionResponse,
  type FlowDefinitionSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { FlowDefinition } from '../model-monitoring.js';
import { SLICES } from '../slices.js';

export function toFlowDefinition(d: DescribeFlowDefinitionResponse, region: string): FlowDefinition {
  return {
    arn: d.FlowDefinitionArn ?? '',
    name: d.FlowDefinitionName ?? '',
    region,
    resourceType: SLICES.flowDefinitions.resourceType,
    tags: {},
    status: d.FlowDefinitionStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    humanLoopActivation: d.HumanLoopActivationConfig?.HumanLoopActivationConditionsConfig !== undefined,
    awsManagedRequestSource: d.HumanLoopRequestSource?.AwsManagedHumanLoopRequestSource,
    outputS3Path: d.OutputConfig?.S3OutputPath,
    outputKmsKeyId: d.OutputConfig?.KmsKeyId,
    roleArn: d.RoleArn,
  };
}

export const flowDefinitionsCollector: RegionalCollector<'flowDefinitions'> = {
  slice: 'flowDefinitions',
  scope: 'regional',
  operations: ['sagemaker:ListFlowDefinitions', 'sagemaker:DescribeFlowDefinition'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<FlowDefinitionSummary, FlowDefinition>({
      ctx,
      slice: 'flowDefinitions',
      region,
      service: 'sagemaker',
      listOperation: 'ListFlowDefinitions',
      describeOperation: 'DescribeFlowDefinition',
      pages: () => pagesOf(paginateListFlowDefinitions({ client, pageSize: 100 }, {}), (p) => p.FlowDefinitionSummaries),
      arnOf: (s) => s.FlowDefinitionArn ?? '',
      describe: async (s) =>
        toFlowDefinition(
          await client.send(new DescribeFlowDefinitionCommand({ FlowDefinitionName: s.FlowDefinitionName })),
          region,
        ),
    });
  },
};
