import {
  DescribeAutoMLJobV2Command,
  paginateListAutoMLJobs,
  type AutoMLJobSummary,
  type DescribeAutoMLJobV2Response,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { AutoMlJob } from '../model-jobs.js';
import { SLICES } from '../slices.js';
import { toJobVpc } from './tuning-jobs.js';

export function toAutoMlJob(d: DescribeAutoMLJobV2Response, region: string): AutoMlJob {
  const security = d.SecurityConfig;
  return {
    arn: d.AutoMLJobArn ?? '',
    name: d.AutoMLJobName ?? '',
    region,
    resourceType: SLICES.autoMlJobs.resourceType,
    tags: {},
    status: d.AutoMLJobStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    roleArn: d.RoleArn,
    securityConfig: {
      // EnableInterContainerTrafficEncryption defaults to false, and a job without SecurityConfig has none of it.
      interContainerEncryption: security?.EnableInterContainerTrafficEncryption === true,
      volumeKmsKeyId: security?.VolumeKmsKeyId,
      ...toJobVpc(security?.VpcConfig),
    },
    outputKmsKeyId: d.OutputDataConfig?.KmsKeyId,
  };
}

export const autoMlJobsCollector: RegionalCollector<'autoMlJobs'> = {
  slice: 'autoMlJobs',
  scope: 'regional',
  operations: ['sagemaker:ListAutoMLJobs', 'sagemaker:DescribeAutoMLJobV2'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    ctx.note(`autoMlJobs: only jobs created since ${ctx.since.toISOString()} (--since)`);
    return listAndDescribe<AutoMLJobSummary, AutoMlJob>({
      ctx,
      slice: 'autoMlJobs',
      region,
      service: 'sagemaker',
      listOperation: 'ListAutoMLJobs',
      // V2 answers for jobs created with CreateAutoMLJob as well, and is the only one that answers for V2 jobs.
      describeOperation: 'DescribeAutoMLJobV2',
      pages: () =>
        pagesOf(
          paginateListAutoMLJobs(
            { client, pageSize: 100 },
            { CreationTimeAfter: ctx.since, SortBy: 'CreationTime', SortOrder: 'Descending' },
          ),
          (p) => p.AutoMLJobSummaries,
        ),
      arnOf: (s) => s.AutoMLJobArn ?? '',
      describe: async (s) =>
        toAutoMlJob(await client.send(new DescribeAutoMLJobV2Command({ AutoMLJobName: s.AutoMLJobName })), region),
      cap: ctx.maxJobs,
    });
  },
};
