import {
  DescribeTrainingJobCommand,
  paginateListTrainingJobs,
  type DescribeTrainingJobResponse,
  type TrainingJobSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { TrainingJob } from '../model.js';
import { SLICES } from '../slices.js';

export function toTrainingJob(d: DescribeTrainingJobResponse, region: string): TrainingJob {
  const resources = d.ResourceConfig;
  const groups = resources?.InstanceGroups ?? [];
  const usesInstanceGroups = groups.length > 0;
  // Heterogeneous clusters put their instances in InstanceGroups and leave InstanceCount unset (or 0).
  const instanceCount = usesInstanceGroups
    ? groups.reduce((sum, g) => sum + (g.InstanceCount ?? 0), 0)
    : (resources?.InstanceCount ?? 0);
  const experiment = d.ExperimentConfig;
  return {
    arn: d.TrainingJobArn ?? '',
    name: d.TrainingJobName ?? '',
    region,
    resourceType: SLICES.trainingJobs.resourceType,
    tags: {},
    status: d.TrainingJobStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    roleArn: d.RoleArn,
    // Both default to false when absent from CreateTrainingJob, and DescribeTrainingJob then omits or returns false.
    networkIsolation: d.EnableNetworkIsolation === true,
    interContainerEncryption: d.EnableInterContainerTrafficEncryption === true,
    ...(d.VpcConfig
      ? { vpc: { subnets: d.VpcConfig.Subnets ?? [], securityGroupIds: d.VpcConfig.SecurityGroupIds ?? [] } }
      : {}),
    outputKmsKeyId: d.OutputDataConfig?.KmsKeyId,
    volumeKmsKeyId: resources?.VolumeKmsKeyId,
    instanceCount,
    instanceType: resources?.InstanceType,
    usesInstanceGroups,
    // EnableManagedSpotTraining defaults to false (on-demand).
    managedSpot: d.EnableManagedSpotTraining === true,
    checkpointS3Uri: d.CheckpointConfig?.S3Uri,
    maxRuntimeSeconds: d.StoppingCondition?.MaxRuntimeInSeconds,
    maxWaitSeconds: d.StoppingCondition?.MaxWaitTimeInSeconds,
    trainingTimeSeconds: d.TrainingTimeInSeconds,
    billableTimeSeconds: d.BillableTimeInSeconds,
    ...(experiment
      ? {
          experiment: {
            experimentName: experiment.ExperimentName,
            trialName: experiment.TrialName,
            runName: experiment.RunName,
          },
        }
      : {}),
    debugHook: d.DebugHookConfig !== undefined,
    debugRuleCount: d.DebugRuleConfigurations?.length ?? 0,
    // A ProfilerConfig with DisableProfiler absent profiles (DisableProfiler defaults to false).
    profilerEnabled: d.ProfilerConfig !== undefined && d.ProfilerConfig.DisableProfiler !== true,
    tuningJobArn: d.TuningJobArn,
    autoMlJobArn: d.AutoMLJobArn,
  };
}

export const trainingJobsCollector: RegionalCollector<'trainingJobs'> = {
  slice: 'trainingJobs',
  scope: 'regional',
  operations: ['sagemaker:ListTrainingJobs', 'sagemaker:DescribeTrainingJob'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    // Job history is never deleted and ListTrainingJobs is slow (about 2 TPS): bound it by age and count.
    ctx.note(`trainingJobs: only jobs created since ${ctx.since.toISOString()} (--since)`);
    return listAndDescribe<TrainingJobSummary, TrainingJob>({
      ctx,
      slice: 'trainingJobs',
      region,
      service: 'sagemaker',
      listOperation: 'ListTrainingJobs',
      describeOperation: 'DescribeTrainingJob',
      pages: () =>
        pagesOf(
          paginateListTrainingJobs(
            { client, pageSize: 100 },
            { CreationTimeAfter: ctx.since, SortBy: 'CreationTime', SortOrder: 'Descending' },
          ),
          (p) => p.TrainingJobSummaries,
        ),
      arnOf: (s) => s.TrainingJobArn ?? '',
      describe: async (s) =>
        toTrainingJob(
          await client.send(new DescribeTrainingJobCommand({ TrainingJobName: s.TrainingJobName })),
          region,
        ),
      cap: ctx.maxJobs,
    });
  },
};
