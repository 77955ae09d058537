import {
  DescribeEndpointConfigCommand,
  paginateListEndpointConfigs,
  type DescribeEndpointConfigOutput,
  type EndpointConfigSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { EndpointConfig } from '../model.js';
import { SLICES } from '../slices.js';

export function toEndpointConfig(d: DescribeEndpointConfigOutput, region: string): EndpointConfig {
  const capture = d.DataCaptureConfig;
  const modes = new Set((capture?.CaptureOptions ?? []).map((o) => o.CaptureMode));
  return {
    arn: d.EndpointConfigArn ?? '',
    name: d.EndpointConfigName ?? '',
    region,
    resourceType: SLICES.endpointConfigs.resourceType,
    tags: {},
    creationTime: iso(d.CreationTime) ?? '',
    kmsKeyId: d.KmsKeyId,
    variants: (d.ProductionVariants ?? []).map((v) => ({
      name: v.VariantName ?? '',
      modelName: v.ModelName,
      instanceType: v.InstanceType,
      initialInstanceCount: v.InitialInstanceCount,
      serverless: v.ServerlessConfig !== undefined,
      // Absent ManagedInstanceScaling means SageMaker does not scale the instances.
      managedInstanceScaling: v.ManagedInstanceScaling?.Status === 'ENABLED',
    })),
    shadowVariantCount: d.ShadowProductionVariants?.length ?? 0,
    ...(capture
      ? {
          dataCapture: {
            // The API default for EnableCapture is true: a DataCaptureConfig without it captures.
            enabled: capture.EnableCapture !== false,
            samplingPercentage: capture.InitialSamplingPercentage ?? 0,
            captureInput: modes.has('Input') || modes.has('InputAndOutput'),
            captureOutput: modes.has('Output') || modes.has('InputAndOutput'),
            kmsKeyId: capture.KmsKeyId,
            destinationS3Uri: capture.DestinationS3Uri,
          },
        }
      : {}),
    ...(d.AsyncInferenceConfig
      ? { asyncInference: { outputKmsKeyId: d.AsyncInferenceConfig.OutputConfig?.KmsKeyId } }
      : {}),
    clarifyExplainer: d.ExplainerConfig?.ClarifyExplainerConfig !== undefined,
    executionRoleArn: d.ExecutionRoleArn,
  };
}

export const endpointConfigsCollector: RegionalCollector<'endpointConfigs'> = {
  slice: 'endpointConfigs',
  scope: 'regional',
  operations: ['sagemaker:ListEndpointConfigs', 'sagemaker:DescribeEndpointConfig'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<EndpointConfigSummary, EndpointConfig>({
      ctx,
      slice: 'endpointConfigs',
      region,
      service: 'sagemaker',
      listOperation: 'ListEndpointConfigs',
      describeOperation: 'DescribeEndpointConfig',
      pages: () => pagesOf(paginateListEndpointConfigs({ client, pageSize: 100 }, {}), (p) => p.EndpointConfigs),
      arnOf: (s) => s.EndpointConfigArn ?? '',
      describe: async (s) =>
        toEndpointConfig(
          await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: s.EndpointConfigName })),
          region,
        ),
    });
  },
};
