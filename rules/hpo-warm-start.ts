import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import type { TuningJob } from '../src/inventory/model-jobs.js';

/** Statuses of a tuning job whose finished training jobs a later one can warm-start from. */
const USABLE_PARENT = new Set(['Completed', 'Stopped']);

/** Earlier tuning jobs of the family named in a finding's evidence, newest first; the rest are counted. */
const EVIDENCE_PARENTS = 5;

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
    const familiesByJob = new Map(tuningJobs.map((j) => [j, [...familiesOf(j)]]));
    // Possible parents by region and model family, newest first (ties in inventory order); a parent's position in
    // its region's newest-first list orders parents taken from several families.
    const byRegion = new Map<string, TuningJob[]>();
    for (const other of tuningJobs) {
      if (!USABLE_PARENT.has(other.status)) continue;
      const list = byRegion.get(other.region) ?? [];
      list.push(other);
      byRegion.set(other.region, list);
    }
    const position = new Map<TuningJob, number>();
    const byFamily = new Map<string, TuningJob[]>();
    for (const [region, list] of byRegion) {
      list.sort((a, b) => b.creationTime.localeCompare(a.creationTime));
      list.forEach((parent, i) => {
        position.set(parent, i);
        for (const family of familiesByJob.get(parent) ?? []) {
          const key = `${region}\u0000${family}`;
          const parents = byFamily.get(key) ?? [];
          parents.push(parent);
          byFamily.set(key, parents);
        }
      });
    }
    // Each family's parents created before `job`: a suffix of its newest-first list, found by bisection.
    const earlierIn = (job: TuningJob, family: string): TuningJob[] => {
      const parents = byFamily.get(`${job.region}\u0000${family}`) ?? [];
      let low = 0;
      let high = parents.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((parents[mid] as TuningJob).creationTime < job.creationTime) high = mid;
        else low = mid + 1;
      }
      return parents.slice(low);
    };
    return tuningJobs.map((job) => {
      if (job.warmStart) {
        const { type, parents } = job.warmStart;
        return ctx.pass(job, { WarmStartType: type ?? null, ParentHyperParameterTuningJobs: parents });
      }
      const families = familiesByJob.get(job) ?? [];
      const lists = families.map((f) => earlierIn(job, f));
      // A job of several families may share a parent between them: count it once.
      const earlier = lists.length === 1 ? (lists[0] as TuningJob[]) : [...new Set(lists.flat())];
      // The newest few are evidence enough: listing every earlier job would make the report grow with the square
      // of the number of tuning jobs.
      const newest = (lists.length === 1 ? earlier.slice(0, EVIDENCE_PARENTS) : lists.flatMap((l) => l.slice(0, EVIDENCE_PARENTS)))
        .filter((p, i, all) => all.indexOf(p) === i)
        .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
        .slice(0, EVIDENCE_PARENTS);
      const evidence = {
        WarmStartConfig: null,
        families: [...families].sort(),
        earlierTuningJobs: newest.map((e) => e.name),
        earlierTuningJobCount: earlier.length,
      };
      const previous = newest[0];
      if (previous) return ctx.fail(job, 'noWarmStart', { previous: previous.name }, evidence);
      // "First of its family" rests on not seeing an earlier one: a tuning job that was listed but not described
      // might be exactly that.
      const gap = ctx.gap('tuningJobs', job.region);
      if (gap) return ctx.error(job, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
      return ctx.pass(job, { ...evidence, firstOfFamily: true });
    });
  },
});
