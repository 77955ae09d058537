/**
 * What the AWS managed audit policies allow of the services mlaudit reads, so that users who run it under one of
 * them know which rules would lose data. Only the Allow action patterns of those services are kept; the policies
 * grant much more elsewhere. AWS revises these policies: the version and date say which revision this is, and a
 * test compares it with the copy of the AWS managed policies shipped with moto when moto is installed.
 */

export interface ManagedPolicySnapshot {
  name: string;
  arn: string;
  version: string;
  updated: string;
  /** Allow patterns (`service:Prefix*` or exact actions) for the services in MANAGED_POLICY_SERVICES. */
  allows: readonly string[];
}

export const MANAGED_POLICY_SERVICES = [
  'application-autoscaling',
  'budgets',
  'cloudwatch',
  'iam',
  'kms',
  'organizations',
  'sagemaker',
  'sts',
  'tag',
] as const;

export const MANAGED_POLICIES: readonly ManagedPolicySnapshot[] = [
  {
    name: 'SecurityAudit',
    arn: 'arn:aws:iam::aws:policy/SecurityAudit',
    version: 'v86',
    updated: '2026-05-01',
    allows: [
      'application-autoscaling:Describe*',
      'cloudwatch:Describe*',
      'cloudwatch:GetDashboard',
      'cloudwatch:ListDashboards',
      'cloudwatch:ListTagsForResource',
      'iam:GenerateCredentialReport',
      'iam:GenerateServiceLastAccessedDetails',
      'iam:Get*',
      'iam:List*',
      'iam:SimulateCustomPolicy',
      'iam:SimulatePrincipalPolicy',
      'kms:Describe*',
      'kms:Get*',
      'kms:List*',
      'organizations:Describe*',
      'organizations:List*',
      'sagemaker:Describe*',
      'sagemaker:List*',
      'sts:GetAccessKeyInfo',
      'tag:GetResources',
      'tag:GetTagKeys',
    ],
  },
  {
    name: 'ViewOnlyAccess',
    arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    version: 'v45',
    updated: '2026-04-22',
    allows: [
      'cloudwatch:Get*',
      'cloudwatch:List*',
      'iam:GetAccountSummary',
      'iam:GetLoginProfile',
      'iam:List*',
      'kms:ListKeys',
      'kms:ListResourceTags',
      'organizations:List*',
      'sagemaker:Describe*',
      'sagemaker:List*',
    ],
  },
];

/** sts:GetCallerIdentity needs no permission: AWS answers it whatever the policies say. */
const ALWAYS_ALLOWED: ReadonlySet<string> = new Set(['sts:GetCallerIdentity']);

/** IAM matches action names case-insensitively, with `*` and `?` as wildcards. */
function matches(pattern: string, action: string): boolean {
  const re = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 'i').test(action);
}

/**
 * Actions whose data mlaudit reads another way when they are denied: tags come from tag:GetResources in bulk, and
 * from sagemaker:ListTags per resource when GetResources is denied (resource-tags.ts). Such an action is not
 * missing from a policy that allows its fallback, since no rule loses data without it.
 */
export const FALLBACK_ACTIONS: Readonly<Record<string, string>> = { 'tag:GetResources': 'sagemaker:ListTags' };

/** The actions among `actions` that the policy does not allow (and whose data no allowed fallback among them reads). */
export function actionsNotAllowed(policy: ManagedPolicySnapshot, actions: readonly string[]): string[] {
  const allowed = (a: string): boolean => ALWAYS_ALLOWED.has(a) || policy.allows.some((p) => matches(p, a));
  const covered = (a: string): boolean => {
    const fallback = FALLBACK_ACTIONS[a];
    return fallback !== undefined && actions.includes(fallback) && allowed(fallback);
  };
  return actions.filter((a) => !allowed(a) && !covered(a));
}
