import { defineRule } from '../src/engine/rule.js';
import type { PolicyDocument, PolicyStatement } from '../src/inventory/model.js';

const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * An Allow of every action on every resource. `NotAction` with Allow grants everything but the listed actions, and
 * `NotResource` with Allow every resource but the listed ones: both are administrator access in practice.
 * Conditions are ignored: a condition narrows when the grant applies, not what it grants.
 */
function isAdminStatement(s: PolicyStatement): boolean {
  if (s.Effect !== 'Allow') return false;
  const allResources = asArray(s.Resource).includes('*') || (s.Resource === undefined && s.NotResource !== undefined);
  const allActions = asArray(s.Action).some((a) => a === '*' || a === '*:*') || s.NotAction !== undefined;
  return allResources && allActions;
}

function grantsAdmin(document: PolicyDocument): boolean {
  return asArray(document.Statement).some(isAdminStatement);
}

export default defineRule({
  id: 'iam-execution-role-not-admin',
  title: 'SageMaker execution roles do not have administrator access',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security', 'governance'],
  pillars: ['security'],
  rationale:
    'Every notebook user, training script and model container acts with its execution role. An administrator role ' +
    'turns any code they run, or any compromise of it, into full control of the account.',
  remediation: {
    summary:
      'Detach AdministratorAccess and replace wildcard statements with the actions and resources the workload ' +
      'needs (its S3 prefixes, KMS keys, ECR repositories, CloudWatch logs). IAM Access Analyzer can generate a ' +
      'policy from the role\'s CloudTrail activity.',
    console: 'IAM console > Roles > (role) > Permissions > remove the policy, or edit the statement.',
    cli:
      'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess; ' +
      'aws iam delete-role-policy --role-name <role> --policy-name <inline-policy>',
  },
  references: [
    'ML Lens MLSEC03-BP01',
    'Security Hub IAM.1',
    'AWS Config iam-policy-no-statements-with-admin-access',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  ],
  needs: ['iamRoles'],
  messages: {
    adminPolicy: 'Role {name} has the AdministratorAccess managed policy attached.',
    wildcardPolicy: 'Role {name} is allowed every action on every resource by {policies}.',
  },
  evaluate: ({ iamRoles }, ctx) =>
    iamRoles.map((role) => {
      const adminAttached = role.attachedPolicies.filter((p) => ADMIN_POLICY.test(p.arn)).map((p) => p.name);
      const wildcard = [
        ...role.attachedPolicies.filter((p) => p.document && grantsAdmin(p.document)).map((p) => p.name),
        ...role.inlinePolicies.filter((p) => grantsAdmin(p.document)).map((p) => `${p.name} (inline)`),
      ];
      const evidence = {
        AttachedPolicies: role.attachedPolicies.map((p) => p.arn),
        InlinePolicies: role.inlinePolicies.map((p) => p.name),
        AdminPolicies: [...adminAttached, ...wildcard],
      };
      if (adminAttached.length > 0) return ctx.fail(role, 'adminPolicy', {}, evidence);
      if (wildcard.length > 0) return ctx.fail(role, 'wildcardPolicy', { policies: wildcard.join(', ') }, evidence);
      // A customer-managed policy whose document was not read could grant anything.
      const unread = role.attachedPolicies.filter((p) => !p.awsManaged && !p.document).map((p) => p.name);
      if (unread.length > 0) {
        const message = `Not evaluated: the document of policy ${unread.join(', ')} was not collected.`;
        return ctx.error(role, message, evidence);
      }
      return ctx.pass(role, evidence);
    }),
});
