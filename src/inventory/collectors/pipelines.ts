import {
  DescribePipelineCommand,
  ListPipelineExecutionsCommand,
  paginateListPipelines,
  type DescribePipelineResponse,
  type ListPipelineExecutionsResponse,
  type PipelineSummary,
} from '@aws-sdk/client-sagemaker';
import { isNotFound } from '../../aws/classify-error.js';
import { collectionError, iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { CollectionError } from '../model.js';
import type { Pipeline, PipelineStep } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** How many executions are read per pipeline, newest first: enough to see whether it ran, and how it ended. */
export const RECENT_EXECUTIONS = 10;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function collectSteps(steps: unknown, out: PipelineStep[]): void {
  if (!Array.isArray(steps)) return;
  for (const step of steps) {
    if (!isRecord(step) || typeof step.Name !== 'string' || typeof step.Type !== 'string') continue;
    out.push({ name: step.Name, type: step.Type });
    // A Condition step holds its branches inline: RegisterModel is usually there, behind the metric check.
    if (step.Type === 'Condition' && isRecord(step.Arguments)) {
      collectSteps(step.Arguments.IfSteps, out);
      collectSteps(step.Arguments.ElseSteps, out);
    }
  }
}

/**
 * The names and types of a pipeline definition's steps (a JSON document; only these two fields are kept, never the
 * definition itself, which can hold image URIs, S3 paths and parameters). Undefined when it cannot be parsed.
 */
export function pipelineSteps(definition: string | undefined): PipelineStep[] | undefined {
  if (definition === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.Steps)) return undefined;
  const steps: PipelineStep[] = [];
  collectSteps(parsed.Steps, steps);
  return steps;
}

export function toPipeline(
  d: DescribePipelineResponse,
  region: string,
  executions: ListPipelineExecutionsResponse = {},
): Pipeline {
  const steps = pipelineSteps(d.PipelineDefinition);
  return {
    arn: d.PipelineArn ?? '',
    name: d.PipelineName ?? '',
    region,
    resourceType: SLICES.pipelines.resourceType,
    tags: {},
    status: d.PipelineStatus ?? 'Unknown',
    ...(d.CreationTime ? { creationTime: iso(d.CreationTime) } : {}),
    ...(d.LastRunTime ? { lastRunTime: iso(d.LastRunTime) } : {}),
    ...(d.RoleArn ? { roleArn: d.RoleArn } : {}),
    ...(steps ? { steps } : {}),
    recentExecutions: (executions.PipelineExecutionSummaries ?? []).map((e) => ({
      status: e.PipelineExecutionStatus ?? 'Unknown',
      ...(e.StartTime ? { startTime: iso(e.StartTime) } : {}),
    })),
  };
}

export const pipelinesCollector: RegionalCollector<'pipelines'> = {
  slice: 'pipelines',
  scope: 'regional',
  operations: ['sagemaker:ListPipelines', 'sagemaker:DescribePipeline', 'sagemaker:ListPipelineExecutions'],
  collect: async (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    // listAndDescribe names a failed describe after DescribePipeline; a failed ListPipelineExecutions is recorded
    // here under its own operation (and IAM action), and the pipeline left out like any undescribed resource.
    const executionErrors: CollectionError[] = [];
    const slice = await listAndDescribe<PipelineSummary, Pipeline | undefined>({
      ctx,
      slice: 'pipelines',
      region,
      service: 'sagemaker',
      listOperation: 'ListPipelines',
      describeOperation: 'DescribePipeline',
      pages: () => pagesOf(paginateListPipelines({ client, pageSize: 100 }, {}), (p) => p.PipelineSummaries),
      arnOf: (s) => s.PipelineArn ?? '',
      describe: async (s) => {
        const described = await client.send(new DescribePipelineCommand({ PipelineName: s.PipelineName }));
        let executions: ListPipelineExecutionsResponse;
        try {
          // One page of the newest executions is all we want, so no paginator: the first call answers it.
          executions = await client.send(
            new ListPipelineExecutionsCommand({
              PipelineName: s.PipelineName,
              SortBy: 'CreationTime',
              SortOrder: 'Descending',
              MaxResults: RECENT_EXECUTIONS,
            }),
          );
        } catch (err) {
          if (ctx.signal?.aborted || isNotFound(err)) throw err;
          executionErrors.push(
            collectionError(err, {
              slice: 'pipelines',
              region,
              service: 'sagemaker',
              operation: 'ListPipelineExecutions',
              resourceArn: s.PipelineArn ?? '',
            }),
          );
          return undefined;
        }
        return toPipeline(described, region, executions);
      },
    });
    return {
      items: slice.items.filter((p): p is Pipeline => p !== undefined),
      errors: [...slice.errors, ...executionErrors].sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
