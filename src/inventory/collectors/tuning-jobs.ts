import {
  DescribeHyperParameterTuningJobCommand,
  paginateListHyperParameterTuningJobs,
  type DescribeHyperParameterTuningJobResponse,
  type HyperParameterTrainingJobDefinition,
  type HyperParameterTuningJobSummary,
  type ParameterRanges,
  type VpcConfig,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { JobVpc, TuningJob, TuningTrainingDefinition } from '../model-jobs.js';
import { SLICES } from '../slices.js';

export function toJobVpc(vpc: VpcConfig | undefined): { vpc: JobVpc } | Record<string, never> {
  return vpc ? { vpc: { subnets: vpc.Subnets ?? [], securityGroupIds: vpc.SecurityGroupIds ?? [] } } : {};
}

function toDefinition(d: HyperParameterTrainingJobDefinition): TuningTrainingDefinition {
  // A definition sizes its training jobs with ResourceConfig, or with HyperParameterTuningResourceConfig, whose
  // InstanceConfigs list alternative instance types the tuning job chooses between.
  const resources = d.ResourceConfig;
  const tuningResources = d.HyperParameterTuningResourceConfig;
  const candidates = tuningResources?.InstanceConfigs ?? [];
  const groups = resources?.InstanceGroups ?? [];
  let instanceTypes: string[];
  let instanceCount: number;
  if (candidates.length > 0) {
    instanceTypes = candidates.flatMap((c) => (c.InstanceType ? [c.InstanceType] : []));
    instanceCount = Math.max(...candidates.map((c) => c.InstanceCount ?? 0));
  } else if (groups.length > 0) {
    instanceTypes = groups.flatMap((g) => (g.InstanceType ? [g.InstanceType] : []));
    instanceCount = groups.reduce((sum, g) => sum + (g.InstanceCount ?? 0), 0);
  } else {
    const type = resources?.InstanceType ?? tuningResources?.InstanceType;
    instanceTypes = type ? [type] : [];
    instanceCount = resources?.InstanceCount ?? tuningResources?.InstanceCount ?? 0;
  }
  return {
    ...(d.DefinitionName !== undefined ? { name: d.DefinitionName } : {}),
    trainingImage: d.AlgorithmSpecification?.TrainingImage,
    algorithmName: d.AlgorithmSpecification?.AlgorithmName,
    volumeKmsKeyId: resources?.VolumeKmsKeyId ?? tuningResources?.VolumeKmsKeyId,
    outputKmsKeyId: d.OutputDataConfig?.KmsKeyId,
    // Both default to false when absent, as for CreateTrainingJob.
    networkIsolation: d.EnableNetworkIsolation === true,
    interContainerEncryption: d.EnableInterContainerTrafficEncryption === true,
    ...toJobVpc(d.VpcConfig),
    instanceTypes,
    instanceCount,
    managedSpot: d.EnableManagedSpotTraining === true,
  };
}

/** Combinations of one set of categorical ranges; undefined when it has none. */
function categoricalCombinations(ranges: ParameterRanges | undefined): number | undefined {
  const categorical = ranges?.CategoricalParameterRanges ?? [];
  if (categorical.length === 0) return undefined;
  return categorical.reduce((product, r) => product * Math.max(r.Values?.length ?? 0, 1), 1);
}

export function toTuningJob(d: DescribeHyperParameterTuningJobResponse, region: string): TuningJob {
  const config = d.HyperParameterTuningJobConfig;
  const limits = config?.ResourceLimits;
  const definitions = [
    ...(d.TrainingJobDefinition ? [d.TrainingJobDefinition] : []),
    ...(d.TrainingJobDefinitions ?? []),
  ];
  // Single-definition jobs keep their ranges in the config; multi-definition jobs, in each definition.
  const grids = [config?.ParameterRanges, ...definitions.map((def) => def.HyperParameterRanges)]
    .map(categoricalCombinations)
    .filter((n): n is number => n !== undefined);
  const hyperband = config?.StrategyConfig?.HyperbandStrategyConfig;
  const warmStart = d.WarmStartConfig;
  return {
    arn: d.HyperParameterTuningJobArn ?? '',
    name: d.HyperParameterTuningJobName ?? '',
    region,
    resourceType: SLICES.tuningJobs.resourceType,
    tags: {},
    status: d.HyperParameterTuningJobStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    strategy: config?.Strategy ?? 'Unknown',
    ...(hyperband ? { hyperband: { minResource: hyperband.MinResource, maxResource: hyperband.MaxResource } } : {}),
    // TrainingJobEarlyStoppingType defaults to Off.
    earlyStoppingType: config?.TrainingJobEarlyStoppingType ?? 'Off',
    resourceLimits: {
      maxNumberOfTrainingJobs: limits?.MaxNumberOfTrainingJobs,
      maxParallelTrainingJobs: limits?.MaxParallelTrainingJobs,
      maxRuntimeSeconds: limits?.MaxRuntimeInSeconds,
    },
    completionCriteria: config?.TuningJobCompletionCriteria !== undefined,
    ...(grids.length > 0 ? { gridSize: grids.reduce((a, b) => a + b, 0) } : {}),
    ...(warmStart
      ? {
          warmStart: {
            type: warmStart.WarmStartType,
            parents: (warmStart.ParentHyperParameterTuningJobs ?? []).flatMap((p) =>
              p.HyperParameterTuningJobName ? [p.HyperParameterTuningJobName] : [],
            ),
          },
        }
      : {}),
    trainingDefinitions: definitions.map(toDefinition),
  };
}

export const tuningJobsCollector: RegionalCollector<'tuningJobs'> = {
  slice: 'tuningJobs',
  scope: 'regional',
  operations: ['sagemaker:ListHyperParameterTuningJobs', 'sagemaker:DescribeHyperParameterTuningJob'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    // Job history is never deleted: bound it by age and count, newest first, like training jobs.
    ctx.note(`tuningJobs: only jobs created since ${ctx.since.toISOString()} (--since)`);
    return listAndDescribe<HyperParameterTuningJobSummary, TuningJob>({
      ctx,
      slice: 'tuningJobs',
      region,
      service: 'sagemaker',
      listOperation: 'ListHyperParameterTuningJobs',
      describeOperation: 'DescribeHyperParameterTuningJob',
      pages: () =>
        pagesOf(
          paginateListHyperParameterTuningJobs(
            { client, pageSize: 100 },
            { CreationTimeAfter: ctx.since, SortBy: 'CreationTime', SortOrder: 'Descending' },
          ),
          (p) => p.HyperParameterTuningJobSummaries,
        ),
      arnOf: (s) => s.HyperParameterTuningJobArn ?? '',
      describe: async (s) =>
        toTuningJob(
          await client.send(
            new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: s.HyperParameterTuningJobName }),
          ),
          region,
        ),
      cap: ctx.maxJobs,
    });
  },
};
