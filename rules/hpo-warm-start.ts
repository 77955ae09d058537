import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import type { TuningJob } from '../src/inventory/model-jobs.js';

/** Statuses of a tuning job whose finished training jobs a later one can warm-start from. */
const USABLE_PARENT = new Set(['Completed', 'Stopped']);

/** The model families a tuning job trains: algorithm names, or training image repositories without tag or digest. */
export function familiesOf(job: TuningJob): Set<string> {
  const families = new Set<string>();
  for (const d of job.trainingDefinitions) {
    if (d.algorithmName) families.add(`algorithm:${d.algorithmName}`);
    else if (d.trainingImage) {
      const repository = d.trainingImage.split('@')[0] ?? d.trainingImage;
      const slash = repository.lastIndexOf('/');
      const colon = repository.lastIndexOf(':');
      families.add(`image:${colon > slash ? repository.slice(0, colon) : repository}`);
    }
  }
  return families;
}

export default defineRule({
  id: 'hpo-warm-start',
  title: 'Repeat tuning of a model family warm-starts from earlier tuning jobs',
  severity: 'info',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'A tuning job that warm-starts from an earlier one of the same algorithm reuses what that search learned instead ' +
    'of exploring from scratch, and usually needs fewer training jobs. Only a tuning job with an earlier Completed ' +
    'or Stopped tuning job of the same training image or algorithm in its region, within the scanned window, is ' +
    'judged; the first of a family passes.',
  remediation: {
    summary:
      'When re-tuning a model (new data, adjusted ranges), set WarmStartConfig with the earlier tuning jobs as ' +
      'parents: IdenticalDataAndAlgorithm for the same data, TransferLearning for new data or a changed algorithm ' +
      '(SageMaker Python SDK: HyperparameterTuner(warm_start_config=WarmStartConfig(...))). Tuning jobs are ' +
      'immutable, so this applies to future jobs.',
    cli:
      'aws sagemaker create-hyper-parameter-tuning-job ... --warm-start-config ' +
      'ParentHyperParameterTuningJobs=[{HyperParameterTuningJobName=<earlier-job>}],WarmStartType=TransferLearning',
  },
  references: [
    'ML Lens MLCOST04-BP10',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html',
  ],
  needs: ['tuningJobs'],
  messages: {
    noWarmStart: 'Tuning job {name} tunes the same model family as {previous} from scratch, without a WarmStartConfig.',
  },
  evaluate: ({ tuningJobs }, ctx) => {
    // Families once per job, and the usable parents of each region newest first (a stable sort, so the order is the
    // one sorting each job's earlier jobs would give): thousands of tuning jobs make a quadratic walk costly.
    const familiesByJob = new Map(tuningJobs.map((j) => [j, [...familiesOf(j)]]));
    const parentsByRegion = new Map<string, TuningJob[]>();
    for (const other of tuningJobs) {
      if (!USABLE_PARENT.has(other.status)) continue;
      const list = parentsByRegion.get(other.region) ?? [];
      list.push(other);
      parentsByRegion.set(other.region, list);
    }
    for (const list of parentsByRegion.values()) list.sort((a, b) => b.creationTime.localeCompare(a.creationTime));
    return tuningJobs.map((job) => {
      if (job.warmStart) {
        const { type, parents } = job.warmStart;
        return ctx.pass(job, { WarmStartType: type ?? null, ParentHyperParameterTuningJobs: parents });
      }
      const families = new Set(familiesByJob.get(job));
      const earlier = (parentsByRegion.get(job.region) ?? []).filter(
        (other) =>
          other.arn !== job.arn &&
          other.creationTime < job.creationTime &&
          (familiesByJob.get(other) ?? []).some((f) => families.has(f)),
      );
      const evidence = {
        WarmStartConfig: null,
        families: [...families].sort(),
        earlierTuningJobs: earlier.map((e) => e.name),
      };
      const previous = earlier[0];
      if (previous) return ctx.fail(job, 'noWarmStart', { previous: previous.name }, evidence);
      // "First of its family" rests on not seeing an earlier one: a tuning job that was listed but not described
      // might be exactly that.
      const gap = ctx.gap('tuningJobs', job.region);
      if (gap) return ctx.error(job, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
      return ctx.pass(job, { ...evidence, firstOfFamily: true });
    });
  },
});
