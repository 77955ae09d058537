import {
  DescribeProcessingJobCommand,
  paginateListProcessingJobs,
  type DescribeProcessingJobResponse,
  type ProcessingJobSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { ProcessingJob } from '../model-jobs.js';
import { SLICES } from '../slices.js';
import { toJobVpc } from './tuning-jobs.js';

export function toProcessingJob(d: DescribeProcessingJobResponse, region: string): ProcessingJob {
  const cluster = d.ProcessingResources?.ClusterConfig;
  const network = d.NetworkConfig;
  return {
    arn: d.ProcessingJobArn ?? '',
    name: d.ProcessingJobName ?? '',
    region,
    resourceType: SLICES.processingJobs.resourceType,
    tags: {},
    status: d.ProcessingJobStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    roleArn: d.RoleArn,
    imageUri: d.AppSpecification?.ImageUri,
    volumeKmsKeyId: cluster?.VolumeKmsKeyId,
    outputKmsKeyId: d.ProcessingOutputConfig?.KmsKeyId,
    // KmsKeyId encrypts S3 outputs only; Feature Store outputs use the feature group's keys.
    s3OutputCount: (d.ProcessingOutputConfig?.Outputs ?? []).filter((o) => o.S3Output !== undefined).length,
    // Without a NetworkConfig the job is neither isolated nor encrypting inter-container traffic.
    networkIsolation: network?.EnableNetworkIsolation === true,
    interContainerEncryption: network?.EnableInterContainerTrafficEncryption === true,
    ...toJobVpc(network?.VpcConfig),
    instanceType: cluster?.InstanceType,
    instanceCount: cluster?.InstanceCount ?? 0,
    monitoringScheduleArn: d.MonitoringScheduleArn,
    trainingJobArn: d.TrainingJobArn,
    autoMlJobArn: d.AutoMLJobArn,
  };
}

export const processingJobsCollector: RegionalCollector<'processingJobs'> = {
  slice: 'processingJobs',
  scope: 'regional',
  operations: ['sagemaker:ListProcessingJobs', 'sagemaker:DescribeProcessingJob'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    // Every monitoring execution and Debugger rule evaluation is a processing job too: history grows fast.
    ctx.note(`processingJobs: only jobs created since ${ctx.since.toISOString()} (--since)`);
    return listAndDescribe<ProcessingJobSummary, ProcessingJob>({
      ctx,
      slice: 'processingJobs',
      region,
      service: 'sagemaker',
      listOperation: 'ListProcessingJobs',
      describeOperation: 'DescribeProcessingJob',
      pages: () =>
        pagesOf(
          paginateListProcessingJobs(
            { client, pageSize: 100 },
            { CreationTimeAfter: ctx.since, SortBy: 'CreationTime', SortOrder: 'Descending' },
          ),
          (p) => p.ProcessingJobSummaries,
        ),
      arnOf: (s) => s.ProcessingJobArn ?? '',
      describe: async (s) =>
        toProcessingJob(
          await client.send(new DescribeProcessingJobCommand({ ProcessingJobName: s.ProcessingJobName })),
          region,
        ),
      cap: ctx.maxJobs,
    });
  },
};
