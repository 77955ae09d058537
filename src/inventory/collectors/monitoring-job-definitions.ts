import {
  DescribeDataQualityJobDefinitionCommand,
  DescribeModelBiasJobDefinitionCommand,
  DescribeModelExplainabilityJobDefinitionCommand,
  DescribeModelQualityJobDefinitionCommand,
  paginateListDataQualityJobDefinitions,
  paginateListModelBiasJobDefinitions,
  paginateListModelExplainabilityJobDefinitions,
  paginateListModelQualityJobDefinitions,
  type DescribeDataQualityJobDefinitionResponse,
  type DescribeModelBiasJobDefinitionResponse,
  type DescribeModelExplainabilityJobDefinitionResponse,
  type DescribeModelQualityJobDefinitionResponse,
  type MonitoringJobDefinitionSummary,
  type MonitoringOutputConfig,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type CollectorContext, type RegionalCollector } from '../collector.js';
import type { MonitoringJobDefinition } from '../model-monitoring.js';
import type { MonitoringType, Slice } from '../model.js';

export type MonitoringJobDefinitionResponse =
  | DescribeDataQualityJobDefinitionResponse
  | DescribeModelQualityJobDefinitionResponse
  | DescribeModelBiasJobDefinitionResponse
  | DescribeModelExplainabilityJobDefinitionResponse;

interface KindFields {
  monitoringType: MonitoringType;
  endpointName?: string;
  output?: MonitoringOutputConfig;
}

/** The four responses differ only in the prefix of their input and output fields; the input names the kind. */
function kindFields(d: MonitoringJobDefinitionResponse): KindFields {
  if ('DataQualityJobInput' in d) {
    return {
      monitoringType: 'DataQuality',
      endpointName: d.DataQualityJobInput?.EndpointInput?.EndpointName,
      output: d.DataQualityJobOutputConfig,
    };
  }
  if ('ModelQualityJobInput' in d) {
    return {
      monitoringType: 'ModelQuality',
      endpointName: d.ModelQualityJobInput?.EndpointInput?.EndpointName,
      output: d.ModelQualityJobOutputConfig,
    };
  }
  if ('ModelBiasJobInput' in d) {
    return {
      monitoringType: 'ModelBias',
      endpointName: d.ModelBiasJobInput?.EndpointInput?.EndpointName,
      output: d.ModelBiasJobOutputConfig,
    };
  }
  return {
    monitoringType: 'ModelExplainability',
    endpointName: d.ModelExplainabilityJobInput?.EndpointInput?.EndpointName,
    output: d.ModelExplainabilityJobOutputConfig,
  };
}

export function toMonitoringJobDefinition(d: MonitoringJobDefinitionResponse, region: string): MonitoringJobDefinition {
  const { monitoringType, endpointName, output } = kindFields(d);
  const cluster = d.JobResources?.ClusterConfig;
  return {
    arn: d.JobDefinitionArn ?? '',
    name: d.JobDefinitionName ?? '',
    region,
    resourceType: `AWS::SageMaker::${monitoringType}JobDefinition`,
    tags: {},
    monitoringType,
    creationTime: iso(d.CreationTime) ?? '',
    ...(endpointName !== undefined ? { endpointName } : {}),
    roleArn: d.RoleArn,
    // Both flags default to false: an absent NetworkConfig (or flag) leaves the feature off.
    networkIsolation: d.NetworkConfig?.EnableNetworkIsolation === true,
    interContainerEncryption: d.NetworkConfig?.EnableInterContainerTrafficEncryption === true,
    instanceCount: cluster?.InstanceCount ?? 0,
    instanceType: cluster?.InstanceType,
    volumeKmsKeyId: cluster?.VolumeKmsKeyId,
    outputKmsKeyId: output?.KmsKeyId,
  };
}

interface Kind {
  listOperation: string;
  describeOperation: string;
  pages: (client: SageMakerClient) => AsyncIterable<MonitoringJobDefinitionSummary[]>;
  describe: (client: SageMakerClient, name: string | undefined) => Promise<MonitoringJobDefinitionResponse>;
}

const KINDS: readonly Kind[] = [
  {
    listOperation: 'ListDataQualityJobDefinitions',
    describeOperation: 'DescribeDataQualityJobDefinition',
    pages: (client) =>
      pagesOf(paginateListDataQualityJobDefinitions({ client, pageSize: 100 }, {}), (p) => p.JobDefinitionSummaries),
    describe: (client, name) => client.send(new DescribeDataQualityJobDefinitionCommand({ JobDefinitionName: name })),
  },
  {
    listOperation: 'ListModelQualityJobDefinitions',
    describeOperation: 'DescribeModelQualityJobDefinition',
    pages: (client) =>
      pagesOf(paginateListModelQualityJobDefinitions({ client, pageSize: 100 }, {}), (p) => p.JobDefinitionSummaries),
    describe: (client, name) => client.send(new DescribeModelQualityJobDefinitionCommand({ JobDefinitionName: name })),
  },
  {
    listOperation: 'ListModelBiasJobDefinitions',
    describeOperation: 'DescribeModelBiasJobDefinition',
    pages: (client) =>
      pagesOf(paginateListModelBiasJobDefinitions({ client, pageSize: 100 }, {}), (p) => p.JobDefinitionSummaries),
    describe: (client, name) => client.send(new DescribeModelBiasJobDefinitionCommand({ JobDefinitionName: name })),
  },
  {
    listOperation: 'ListModelExplainabilityJobDefinitions',
    describeOperation: 'DescribeModelExplainabilityJobDefinition',
    pages: (client) =>
      pagesOf(
        paginateListModelExplainabilityJobDefinitions({ client, pageSize: 100 }, {}),
        (p) => p.JobDefinitionSummaries,
      ),
    describe: (client, name) =>
      client.send(new DescribeModelExplainabilityJobDefinitionCommand({ JobDefinitionName: name })),
  },
];

function collectKind(ctx: CollectorContext, region: string, kind: Kind): Promise<Slice<MonitoringJobDefinition>> {
  const client = ctx.clients.get('sagemaker', region);
  return listAndDescribe<MonitoringJobDefinitionSummary, MonitoringJobDefinition>({
    ctx,
    slice: 'monitoringJobDefinitions',
    region,
    service: 'sagemaker',
    listOperation: kind.listOperation,
    describeOperation: kind.describeOperation,
    pages: () => kind.pages(client),
    arnOf: (s) => s.MonitoringJobDefinitionArn ?? '',
    describe: async (s) => toMonitoringJobDefinition(await kind.describe(client, s.MonitoringJobDefinitionName), region),
  });
}

/**
 * One slice from four List/Describe pairs. A List that fails leaves only its own kind short, and its error names
 * that kind's operation, so `--debug` and the least-privilege policy point at the right action.
 */
export const monitoringJobDefinitionsCollector: RegionalCollector<'monitoringJobDefinitions'> = {
  slice: 'monitoringJobDefinitions',
  scope: 'regional',
  operations: KINDS.flatMap((k) => [`sagemaker:${k.listOperation}`, `sagemaker:${k.describeOperation}`]),
  collect: async (ctx, region) => {
    const parts = await Promise.all(KINDS.map((kind) => collectKind(ctx, region, kind)));
    return {
      items: parts.flatMap((p) => p.items),
      errors: parts
        .flatMap((p) => p.errors)
        .sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '') || a.operation.localeCompare(b.operation)),
    };
  },
};
