import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

const DAY_MS = 86_400_000;

export default defineRule({
  id: 'pipelines-in-use',
  title: 'Regions that train or host models build them with SageMaker Pipelines',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['controllability', 'veracity-robustness'],
  pillars: ['operational-excellence', 'reliability'],
  rationale:
    'A pipeline makes training, evaluation and registration repeatable and recorded; hand-run notebooks and scripts ' +
    'leave no reproducible path from data to deployed model. A region passes with at least one pipeline that ' +
    'succeeded within maxDaysSinceSuccess days (option, default 90) before the scan.',
  remediation: {
    summary:
      'Define the model build as a SageMaker pipeline (processing, training, evaluation, RegisterModel) and run it ' +
      'for every retraining, from CI or a schedule, instead of running the steps by hand.',
    console: 'SageMaker Studio > Pipelines > Create (visual designer), or upsert a pipeline from the SageMaker Python SDK.',
    cli:
      'aws sagemaker create-pipeline --pipeline-name <name> --pipeline-definition file://definition.json ' +
      '--role-arn <role-arn> && aws sagemaker start-pipeline-execution --pipeline-name <name>',
  },
  references: [
    'ML Lens MLOPS04-BP01',
    'ML Lens MLREL03-BP01',
    'ML Lens MLREL04-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListPipelineExecutions.html',
  ],
  // pipelines first: an unreadable pipeline is reported under this rule, which is where it matters.
  needs: ['pipelines', 'trainingJobs', 'endpoints'],
  options: { maxDaysSinceSuccess: 90 },
  messages: {
    noPipelines: 'Region {region} has {jobs} training job(s) and {endpoints} endpoint(s) but no SageMaker pipeline.',
    noRecentSuccess:
      'Region {region} has {pipelines} pipeline(s), none with a successful execution in the last {days} days.',
  },
  evaluate: ({ pipelines, trainingJobs, endpoints }, ctx) => {
    const days = ctx.options.maxDaysSinceSuccess;
    const cutoff = Date.parse(ctx.collectedAt) - days * DAY_MS;
    // A job or endpoint that could not be described still proves that its region trains or hosts models.
    return ctx.regionsWith([...trainingJobs, ...endpoints], ['trainingJobs', 'endpoints']).map((region) => {
      const account = ctx.accountResource(region);
      const here = pipelines.filter((p) => p.region === region);
      const succeeded = here.filter((p) =>
        p.recentExecutions.some(
          (e) => e.status === 'Succeeded' && e.startTime !== undefined && Date.parse(e.startTime) >= cutoff,
        ),
      );
      const evidence = {
        TrainingJobs: trainingJobs.filter((j) => j.region === region).length,
        Endpoints: endpoints.filter((ep) => ep.region === region).length,
        Pipelines: here.map((p) => `${p.name}: ${p.recentExecutions[0]?.status ?? 'never run'}`),
        RecentlySucceeded: succeeded.map((p) => p.name),
      };
      if (succeeded.length > 0) return ctx.pass(account, evidence);
      // A pipeline that could not be read might be the one that runs.
      const gap = ctx.gap('pipelines', region);
      if (gap) return ctx.error(account, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
      if (here.length === 0) {
        const count = (n: number, slice: 'trainingJobs' | 'endpoints'): number | string =>
          n === 0 && ctx.gap(slice, region) ? 'at least one' : n;
        const counts = { jobs: count(evidence.TrainingJobs, 'trainingJobs'), endpoints: count(evidence.Endpoints, 'endpoints') };
        return ctx.fail(account, 'noPipelines', { region, ...counts }, evidence);
      }
      return ctx.fail(account, 'noRecentSuccess', { region, pipelines: here.length, days }, evidence);
    });
  },
});
