/**
 * The physical lower bound of a scan's wall time: what no scheduler could beat, given the calls it made, the
 * server's token buckets (one per operation) and its latency. See RESULTS.md for the formula.
 */
import { rateRuleFor, type RateRule } from './fake-aws-server.js';

export interface BoundInput {
  /** Successful (non-throttled) calls per `service:Operation`. */
  calls: Record<string, number>;
  rules: readonly RateRule[];
  latencyMs: number;
  /** Summaries per List page (the collectors ask for 100). */
  pageSize?: number;
  /**
   * Calls of one operation in flight at once (the CLI's --concurrency, per operation and region): call i cannot be
   * sent before call i - concurrency has been answered. Unlimited when absent.
   */
  concurrency?: number;
}

export interface BoundTerm {
  what: string;
  seconds: number;
}

/**
 * How many dependent round trips must precede an operation's first call: a Describe needs the List page that named
 * the resource, DescribeKey needs the Describe that referenced the key, and so on. Unlisted operations: a List or
 * account-wide Describe (DescribeAlarms) needs nothing; a Describe/Get of one resource needs one List.
 */
const DEPTH: Record<string, number> = {
  'sts:GetCallerIdentity': 0,
  'sagemaker:ListTags': 2,
  // After the tagged resources are listed, like ListTags; its pages are in fact sequential, which a bound may ignore.
  'tag:GetResources': 2,
  'sagemaker:DescribeNotebookInstanceLifecycleConfig': 2,
  'sagemaker:ListModelPackages': 1,
  'sagemaker:ListPipelineExecutions': 1,
  'cloudwatch:GetMetricData': 2,
  'kms:DescribeKey': 2,
  'kms:GetKeyRotationStatus': 3,
  'iam:ListRoles': 0,
  'iam:GetRole': 1,
  'iam:ListAttachedRolePolicies': 1,
  'iam:ListRolePolicies': 1,
  'iam:GetRolePolicy': 2,
  'iam:GetPolicy': 2,
  'iam:GetPolicyVersion': 3,
  'budgets:DescribeNotificationsForBudget': 1,
};

const ACCOUNT_WIDE_DESCRIBES = new Set(['cloudwatch:DescribeAlarms', 'application-autoscaling:DescribeScalableTargets',
  'application-autoscaling:DescribeScalingPolicies', 'budgets:DescribeBudgets']);

function depthOf(key: string): number {
  if (key in DEPTH) return DEPTH[key] ?? 1;
  const op = key.slice(key.indexOf(':') + 1);
  if (op.startsWith('List') || ACCOUNT_WIDE_DESCRIBES.has(key)) return 0;
  return 1;
}

/** The List that names the resources a Describe describes (`DescribeTrainingJob` → `ListTrainingJobs`). */
const LIST_OF: Record<string, string> = {
  'sagemaker:DescribeHyperParameterTuningJob': 'sagemaker:ListHyperParameterTuningJobs',
  'sagemaker:DescribeAutoMLJobV2': 'sagemaker:ListAutoMLJobs',
};

function listOf(key: string, calls: Record<string, number>): string | undefined {
  if (LIST_OF[key]) return LIST_OF[key];
  const m = /^([\w-]+):Describe(\w+)$/.exec(key);
  if (!m) return undefined;
  const list = `${m[1]}:List${m[2]}s`;
  return calls[list] !== undefined ? list : undefined;
}

/**
 * Earliest issue times of `n` requests through a token bucket, each no earlier than `ready(i)`, in order, with at most
 * `slots` in flight (each holds its slot for `latencyMs`).
 */
export function issueTimes(
  n: number,
  rule: RateRule | undefined,
  ready: (i: number) => number,
  sequentialMs = 0,
  slots = Infinity,
  latencyMs = 0,
): number[] {
  const rate = rule && rule.rate > 0 ? rule.rate / 1000 : Infinity;
  const burst = rule && rule.rate > 0 ? rule.burst : Infinity;
  const out: number[] = [];
  let tokens = burst;
  let t = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    t = Math.max(t, ready(i), i > 0 ? (out[i - 1] ?? 0) + sequentialMs : 0, i >= slots ? (out[i - slots] ?? 0) + latencyMs : 0);
    if (rate !== Infinity) {
      tokens = Math.min(burst, tokens + (t - last) * rate);
      last = t;
      if (tokens < 1) {
        t += (1 - tokens) / rate;
        tokens = 1;
        last = t;
      }
      tokens -= 1;
    }
    out.push(t);
  }
  return out;
}

export function lowerBound(input: BoundInput): { seconds: number; binding: BoundTerm; terms: BoundTerm[] } {
  const L = input.latencyMs;
  const pageSize = input.pageSize ?? 100;
  const slots = input.concurrency ?? Infinity;
  const terms: BoundTerm[] = [];
  const ruleOf = (key: string): RateRule | undefined => {
    const [service = '', op = ''] = key.split(':');
    return rateRuleFor(input.rules, service, op);
  };
  // When each page of a top-level List arrives: pages are sequential (each needs the previous NextToken).
  const pageArrivals = new Map<string, number[]>();
  for (const [key, n] of Object.entries(input.calls)) {
    if (depthOf(key) !== 0 || n === 0) continue;
    const issued = issueTimes(n, ruleOf(key), () => 0, L);
    pageArrivals.set(key, issued.map((t) => t + L));
  }
  for (const [key, n] of Object.entries(input.calls)) {
    if (n === 0) continue;
    const depth = depthOf(key);
    const rule = ruleOf(key);
    const list = listOf(key, input.calls);
    const pages = list ? pageArrivals.get(list) : undefined;
    let done: number;
    if (depth === 0) {
      done = pageArrivals.get(key)?.at(-1) ?? L;
      terms.push({ what: `${key}: ${n} sequential page(s) through its bucket`, seconds: done / 1000 });
      continue;
    }
    if (pages) {
      // Describes of one page's resources can start when that page arrives.
      const issued = issueTimes(n, rule, (i) => pages[Math.min(pages.length - 1, Math.floor(i / pageSize))] ?? 0, 0, slots, L);
      done = (issued.at(-1) ?? 0) + L;
      terms.push({ what: `${key}: ${n} calls, pipelined after the pages of ${list}`, seconds: done / 1000 });
    } else {
      const issued = issueTimes(n, rule, () => depth * L, 0, slots, L);
      done = (issued.at(-1) ?? 0) + L;
      terms.push({ what: `${key}: ${n} calls after ${depth} dependent round trip(s)`, seconds: done / 1000 });
    }
  }
  terms.sort((a, b) => b.seconds - a.seconds);
  const binding = terms[0] ?? { what: 'no calls', seconds: 0 };
  return { seconds: binding.seconds, binding, terms };
}
