import { paginateListExperiments, type ExperimentSummary } from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { Experiment } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** Experiments are read from their ListExperiments summaries: nothing the rules need requires DescribeExperiment. */
export function toExperiment(s: ExperimentSummary, region: string): Experiment {
  return {
    arn: s.ExperimentArn ?? '',
    name: s.ExperimentName ?? '',
    region,
    resourceType: SLICES.experiments.resourceType,
    tags: {},
    ...(s.DisplayName ? { displayName: s.DisplayName } : {}),
    ...(s.CreationTime ? { creationTime: iso(s.CreationTime) } : {}),
    ...(s.LastModifiedTime ? { lastModifiedTime: iso(s.LastModifiedTime) } : {}),
    ...(s.ExperimentSource?.SourceType ? { sourceType: s.ExperimentSource.SourceType } : {}),
    ...(s.ExperimentSource?.SourceArn ? { sourceArn: s.ExperimentSource.SourceArn } : {}),
  };
}

export const experimentsCollector: RegionalCollector<'experiments'> = {
  slice: 'experiments',
  scope: 'regional',
  operations: ['sagemaker:ListExperiments'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<ExperimentSummary, Experiment>({
      ctx,
      slice: 'experiments',
      region,
      service: 'sagemaker',
      listOperation: 'ListExperiments',
      describeOperation: 'ListExperiments',
      pages: () => pagesOf(paginateListExperiments({ client, pageSize: 100 }, {}), (p) => p.ExperimentSummaries),
      arnOf: (s) => s.ExperimentArn ?? '',
      describe: (s) => Promise.resolve(toExperiment(s, region)),
    });
  },
};
