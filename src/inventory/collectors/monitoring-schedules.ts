import {
  DescribeMonitoringScheduleCommand,
  paginateListMonitoringSchedules,
  type DescribeMonitoringScheduleResponse,
  type MonitoringScheduleSummary,
} from '@aws-sdk/client-sagemaker';
import { listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { MonitoringSchedule } from '../model.js';
import { SLICES } from '../slices.js';

export function toMonitoringSchedule(d: DescribeMonitoringScheduleResponse, region: string): MonitoringSchedule {
  const config = d.MonitoringScheduleConfig;
  const inline = config?.MonitoringJobDefinition;
  return {
    arn: d.MonitoringScheduleArn ?? '',
    name: d.MonitoringScheduleName ?? '',
    region,
    resourceType: SLICES.monitoringSchedules.resourceType,
    tags: {},
    status: d.MonitoringScheduleStatus ?? 'Unknown',
    monitoringType: d.MonitoringType ?? config?.MonitoringType,
    endpointName: d.EndpointName,
    jobDefinitionName: config?.MonitoringJobDefinitionName,
    lastExecutionStatus: d.LastMonitoringExecutionSummary?.MonitoringExecutionStatus,
    // Only an inline job definition tells us about the network here; a named job definition carries these
    // settings itself, so they stay undefined (unknown) rather than false. Within an inline definition an
    // absent NetworkConfig or flag means the feature is off (both default to false).
    ...(inline
      ? {
          networkIsolation: inline.NetworkConfig?.EnableNetworkIsolation === true,
          interContainerEncryption: inline.NetworkConfig?.EnableInterContainerTrafficEncryption === true,
        }
      : {}),
  };
}

export const monitoringSchedulesCollector: RegionalCollector<'monitoringSchedules'> = {
  slice: 'monitoringSchedules',
  scope: 'regional',
  operations: ['sagemaker:ListMonitoringSchedules', 'sagemaker:DescribeMonitoringSchedule'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<MonitoringScheduleSummary, MonitoringSchedule>({
      ctx,
      slice: 'monitoringSchedules',
      region,
      service: 'sagemaker',
      listOperation: 'ListMonitoringSchedules',
      describeOperation: 'DescribeMonitoringSchedule',
      pages: () =>
        pagesOf(paginateListMonitoringSchedules({ client, pageSize: 100 }, {}), (p) => p.MonitoringScheduleSummaries),
      arnOf: (s) => s.MonitoringScheduleArn ?? '',
      describe: async (s) => {
        const input = { MonitoringScheduleName: s.MonitoringScheduleName };
        return toMonitoringSchedule(await client.send(new DescribeMonitoringScheduleCommand(input)), region);
      },
    });
  },
};
