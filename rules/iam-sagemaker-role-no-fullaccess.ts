import { defineRule } from '../src/engine/rule.js';
import type { PolicyDocument, PolicyStatement } from '../src/inventory/model.js';
import { trustsSageMaker } from '../src/inventory/model-workspaces.js';

const FULL_ACCESS_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AmazonSageMakerFullAccess$/;
/**
 * AWS-managed policies (not fetched by the collector) that allow s3:* or kms:* on every resource. AdministratorAccess
 * and PowerUserAccess allow all actions but IAM's; AmazonS3FullAccess allows s3:* on *.
 */
const WILDCARD_MANAGED_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|AmazonS3FullAccess)$/;

const GUARDED_SERVICES = ['s3', 'kms'] as const;

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `*`, or an ARN of the service whose resource part is a bare wildcard (`arn:aws:s3:::*`, `arn:aws:kms:*:*:key/*`). */
function coversAllResources(service: string, resource: string): boolean {
  if (resource === '*') return true;
  return new RegExp(`^arn:aws[a-z-]*:${service}:[^:]*:[^:]*:(?:key/)?\\*$`).test(resource);
}

/** `*`, `s3:*`, or any `s3:` action ending in `*` (`s3:Get*`, `s3:*Object`... only a trailing `*` counts). */
function isServiceWildcard(service: string, action: string): boolean {
  const a = action.toLowerCase();
  return a === '*' || a === '*:*' || (a.startsWith(`${service}:`) && a.endsWith('*'));
}

/** The services among s3 and kms on which an Allow statement grants wildcard actions on every resource. */
function wildcardGrants(s: PolicyStatement): string[] {
  if (s.Effect !== 'Allow') return [];
  return GUARDED_SERVICES.filter((service) => {
    // NotResource with Allow grants every resource but the listed ones.
    const allResources =
      asArray(s.Resource).some((r) => coversAllResources(service, r)) ||
      (s.Resource === undefined && s.NotResource !== undefined);
    if (!allResources) return false;
    if (asArray(s.Action).some((a) => isServiceWildcard(service, a))) return true;
    // NotAction with Allow grants every action not listed: a wildcard on the service unless the service is excluded.
    return s.NotAction !== undefined && !asArray(s.NotAction).some((a) => isServiceWildcard(service, a));
  });
}

function documentGrants(document: PolicyDocument): string[] {
  return [...new Set(asArray(document.Statement).flatMap(wildcardGrants))];
}

export default defineRule({
  id: 'iam-sagemaker-role-no-fullaccess',
  title: 'SageMaker execution roles are not granted full SageMaker access or wildcard S3 and KMS access',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['governance'],
  pillars: ['security'],
  rationale:
    'AmazonSageMakerFullAccess, attached by default to roles the console creates, lets any notebook, job or model ' +
    'container that runs as the role manage every SageMaker resource and read broadly from S3; s3:* or kms:* on ' +
    'every resource lets it read or decrypt any dataset in the account. Execution roles should reach only their ' +
    'own buckets and keys.',
  remediation: {
    summary:
      'Detach AmazonSageMakerFullAccess (and AmazonS3FullAccess, AdministratorAccess, PowerUserAccess) and grant the ' +
      'role the actions it needs on the buckets, prefixes and keys it uses. IAM Access Analyzer can generate a policy ' +
      'from the role\'s CloudTrail activity.',
    console: 'IAM console > Roles > (role) > Permissions > Remove the managed policy, or edit the statement.',
    cli:
      'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AmazonSageMakerFullAccess; ' +
      'aws iam put-role-policy --role-name <role> --policy-name <scoped-policy> --policy-document file://scoped.json',
  },
  references: [
    'ML Lens MLSEC03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/security-iam-awsmanpol.html',
  ],
  needs: ['iamRoles'],
  messages: {
    fullAccessPolicy: 'SageMaker execution role {name} has AmazonSageMakerFullAccess attached.',
    wildcardManagedPolicy: 'SageMaker execution role {name} has {policies} attached, which allows s3:* on every resource.',
    wildcardStatement: 'SageMaker execution role {name} is allowed wildcard {services} actions on every resource by {policies}.',
  },
  evaluate: ({ iamRoles }, ctx) =>
    iamRoles
      // Only roles SageMaker can assume are execution roles; other roles are not judged by this rule.
      .filter((role) => trustsSageMaker(role.trustPolicy))
      .map((role) => {
        const fullAccess = role.attachedPolicies.filter((p) => FULL_ACCESS_POLICY.test(p.arn)).map((p) => p.name);
        const wildcardManaged = role.attachedPolicies.filter((p) => WILDCARD_MANAGED_POLICY.test(p.arn)).map((p) => p.name);
        const grants = [
          ...role.attachedPolicies.flatMap((p) => (p.document ? [{ name: p.name, services: documentGrants(p.document) }] : [])),
          ...role.inlinePolicies.map((p) => ({ name: `${p.name} (inline)`, services: documentGrants(p.document) })),
        ].filter((g) => g.services.length > 0);
        const evidence = {
          AttachedPolicies: role.attachedPolicies.map((p) => p.arn),
          InlinePolicies: role.inlinePolicies.map((p) => p.name),
          WildcardGrants: grants.map((g) => `${g.name}: ${g.services.map((s) => `${s}:*`).join(', ')}`),
        };
        if (fullAccess.length > 0) return ctx.fail(role, 'fullAccessPolicy', {}, evidence);
        if (wildcardManaged.length > 0) {
          return ctx.fail(role, 'wildcardManagedPolicy', { policies: wildcardManaged.join(', ') }, evidence);
        }
        if (grants.length > 0) {
          const services = [...new Set(grants.flatMap((g) => g.services))].join(' and ');
          return ctx.fail(role, 'wildcardStatement', { services, policies: grants.map((g) => g.name).join(', ') }, evidence);
        }
        // A customer-managed policy whose document was not read could grant anything.
        const unread = role.attachedPolicies.filter((p) => !p.awsManaged && !p.document).map((p) => p.name);
        if (unread.length > 0) {
          return ctx.error(role, `Not evaluated: the document of policy ${unread.join(', ')} was not collected.`, evidence);
        }
        return ctx.pass(role, evidence);
      }),
});
