import {
  DescribeTransformJobCommand,
  paginateListTransformJobs,
  type DescribeTransformJobResponse,
  type TransformJobSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { TransformJob } from '../model-jobs.js';
import { SLICES } from '../slices.js';

export function toTransformJob(d: DescribeTransformJobResponse, region: string): TransformJob {
  const resources = d.TransformResources;
  return {
    arn: d.TransformJobArn ?? '',
    name: d.TransformJobName ?? '',
    region,
    resourceType: SLICES.transformJobs.resourceType,
    tags: {},
    status: d.TransformJobStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    modelName: d.ModelName,
    volumeKmsKeyId: resources?.VolumeKmsKeyId,
    outputKmsKeyId: d.TransformOutput?.KmsKeyId,
    instanceType: resources?.InstanceType,
    instanceCount: resources?.InstanceCount ?? 0,
    autoMlJobArn: d.AutoMLJobArn,
  };
}

export const transformJobsCollector: RegionalCollector<'transformJobs'> = {
  slice: 'transformJobs',
  scope: 'regional',
  operations: ['sagemaker:ListTransformJobs', 'sagemaker:DescribeTransformJob'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    ctx.note(`transformJobs: only jobs created since ${ctx.since.toISOString()} (--since)`);
    return listAndDescribe<TransformJobSummary, TransformJob>({
      ctx,
      slice: 'transformJobs',
      region,
      service: 'sagemaker',
      listOperation: 'ListTransformJobs',
      describeOperation: 'DescribeTransformJob',
      pages: () =>
        pagesOf(
          paginateListTransformJobs(
            { client, pageSize: 100 },
            { CreationTimeAfter: ctx.since, SortBy: 'CreationTime', SortOrder: 'Descending' },
          ),
          (p) => p.TransformJobSummaries,
        ),
      arnOf: (s) => s.TransformJobArn ?? '',
      describe: async (s) =>
        toTransformJob(
          await client.send(new DescribeTransformJobCommand({ TransformJobName: s.TransformJobName })),
          region,
        ),
      cap: ctx.maxJobs,
    });
  },
};
