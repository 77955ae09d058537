import {
  DescribeEndpointCommand,
  paginateListEndpoints,
  type DeploymentConfig,
  type DescribeEndpointOutput,
  type EndpointSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { DeploymentGuardrails, Endpoint } from '../model.js';
import { SLICES } from '../slices.js';

function toGuardrails(c: DeploymentConfig): DeploymentGuardrails {
  // A DeploymentConfig with neither update policy (only AutoRollbackConfiguration) deploys blue/green with
  // all-at-once traffic shifting: that is the API's documented default, so we name it rather than leave a gap.
  const trafficRouting =
    c.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration?.Type ??
    (c.RollingUpdatePolicy ? 'ROLLING' : c.BlueGreenUpdatePolicy ? undefined : 'ALL_AT_ONCE');
  return {
    ...(trafficRouting !== undefined ? { trafficRouting } : {}),
    rollbackAlarms: (c.AutoRollbackConfiguration?.Alarms ?? [])
      .map((a) => a.AlarmName)
      .filter((n): n is string => n !== undefined),
  };
}

export function toEndpoint(d: DescribeEndpointOutput, region: string): Endpoint {
  const capture = d.DataCaptureConfig;
  return {
    arn: d.EndpointArn ?? '',
    name: d.EndpointName ?? '',
    region,
    resourceType: SLICES.endpoints.resourceType,
    tags: {},
    status: d.EndpointStatus ?? 'Unknown',
    endpointConfigName: d.EndpointConfigName ?? '',
    creationTime: iso(d.CreationTime) ?? '',
    lastModifiedTime: iso(d.LastModifiedTime),
    variants: (d.ProductionVariants ?? []).map((v) => ({
      name: v.VariantName ?? '',
      currentInstanceCount: v.CurrentInstanceCount,
      desiredInstanceCount: v.DesiredInstanceCount,
      currentWeight: v.CurrentWeight,
      // While an update is in flight only the desired serverless config may be set.
      serverless: v.CurrentServerlessConfig !== undefined || v.DesiredServerlessConfig !== undefined,
    })),
    shadowVariantCount: d.ShadowProductionVariants?.length ?? 0,
    ...(capture
      ? {
          dataCapture: {
            // The summary always carries EnableCapture; were it absent we could not claim capture is on.
            enabled: capture.EnableCapture === true,
            captureStatus: capture.CaptureStatus,
            currentSamplingPercentage: capture.CurrentSamplingPercentage,
            kmsKeyId: capture.KmsKeyId,
          },
        }
      : {}),
    // Absent unless the latest Create/UpdateEndpoint passed a DeploymentConfig.
    ...(d.LastDeploymentConfig ? { lastDeploymentConfig: toGuardrails(d.LastDeploymentConfig) } : {}),
  };
}

export const endpointsCollector: RegionalCollector<'endpoints'> = {
  slice: 'endpoints',
  scope: 'regional',
  operations: ['sagemaker:ListEndpoints', 'sagemaker:DescribeEndpoint'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<EndpointSummary, Endpoint>({
      ctx,
      slice: 'endpoints',
      region,
      service: 'sagemaker',
      listOperation: 'ListEndpoints',
      describeOperation: 'DescribeEndpoint',
      pages: () => pagesOf(paginateListEndpoints({ client, pageSize: 100 }, {}), (p) => p.Endpoints),
      arnOf: (s) => s.EndpointArn ?? '',
      describe: async (s) =>
        toEndpoint(await client.send(new DescribeEndpointCommand({ EndpointName: s.EndpointName })), region),
    });
  },
};
