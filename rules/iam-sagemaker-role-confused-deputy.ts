import { defineRule } from '../src/engine/rule.js';
import type { PolicyStatement } from '../src/inventory/model.js';
import { serviceTrustStatements } from '../src/inventory/model-workspaces.js';

/** Operators that require the key to be present and to match (`...IfExists` would let a request without it through). */
const OPERATORS = new Set(['stringequals', 'stringlike', 'arnlike', 'arnequals']);
const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourcearn']);

/** The source condition keys the statement requires, as written (`StringEquals aws:SourceAccount`). */
function sourceConditions(s: PolicyStatement): string[] {
  const found: string[] = [];
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    // Set qualifiers (ForAnyValue:, ForAllValues:) are meaningless on these single-valued keys; the operator decides.
    const bare = operator.replace(/^For(?:Any|All)Values:/i, '').toLowerCase();
    if (!OPERATORS.has(bare) || typeof block !== 'object' || block === null) continue;
    for (const key of Object.keys(block)) if (SOURCE_KEYS.has(key.toLowerCase())) found.push(`${operator} ${key}`);
  }
  return found;
}

export default defineRule({
  id: 'iam-sagemaker-role-confused-deputy',
  title: 'SageMaker execution role trust policies name the source account or resource',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Without an aws:SourceAccount or aws:SourceArn condition, the trust in sagemaker.amazonaws.com rests entirely on ' +
    'the service\'s own checks. The condition makes SageMaker assume the role only for requests made from your ' +
    'account or your resources, the defence AWS recommends against the cross-service confused deputy problem.',
  remediation: {
    summary:
      'Add a condition to each trust statement for sagemaker.amazonaws.com: StringEquals aws:SourceAccount = your ' +
      'account id, or ArnLike aws:SourceArn = arn:aws:sagemaker:<region>:<account>:*. Run the role\'s workloads ' +
      'afterwards to confirm they can still assume it.',
    console: 'IAM console > Roles > (role) > Trust relationships > Edit trust policy.',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-source-account.json',
  },
  references: [
    'ML Lens MLSEC03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  ],
  needs: ['iamRoles'],
  messages: {
    noSourceCondition:
      'Role {name} lets sagemaker.amazonaws.com assume it without an aws:SourceAccount or aws:SourceArn condition.',
  },
  evaluate: ({ iamRoles }, ctx) =>
    iamRoles.flatMap((role) => {
      const statements = serviceTrustStatements(role.trustPolicy);
      // Roles SageMaker cannot assume are not judged.
      if (statements.length === 0) return [];
      const conditions = statements.map(sourceConditions);
      const evidence = {
        SageMakerTrustStatements: statements.length,
        SourceConditions: conditions.flat(),
      };
      // Statements are OR-ed: one without the condition is enough to let any source through.
      if (conditions.some((c) => c.length === 0)) return [ctx.fail(role, 'noSourceCondition', {}, evidence)];
      return [ctx.pass(role, evidence)];
    }),
});
