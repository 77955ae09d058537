import { defineRule } from '../src/engine/rule.js';

/*
 * What counts as a manual approval. The API keeps no approval history, only the current ModelApprovalStatus, who
 * created the version (CreatedBy), who changed it last (LastModifiedBy: for a version, normally the approval) and an
 * optional ApprovalDescription. The newest version of each group is judged:
 *   - not Approved (PendingManualApproval, Rejected): PASS, the gate is holding it;
 *   - Approved with an ApprovalDescription: PASS, someone recorded why (a pipeline that approves on its own leaves it
 *     empty unless told otherwise);
 *   - Approved, no description, LastModifiedBy a different identity than CreatedBy: PASS, a second party (a Studio user
 *     profile or an IAM session other than the registering one) changed the status;
 *   - Approved, no description, LastModifiedBy equal to CreatedBy: FAIL, the registrant approved their own version;
 *   - Approved, no description, no LastModifiedBy (or no CreatedBy to compare with): FAIL, nothing shows a review;
 *     this is what a pipeline registering with ModelApprovalStatus=Approved produces.
 * Identities are compared exactly, session name included: two people assuming the same role are different approvers.
 */
export default defineRule({
  id: 'registry-manual-approval',
  title: 'The newest version of each model group was approved by a reviewer, not automatically',
  severity: 'medium',
  kind: 'practice',
  phase: 'deployment',
  dimensions: ['governance', 'controllability'],
  pillars: ['operational-excellence'],
  rationale:
    'Approving a version is what releases it to production. When the pipeline that registered it also approves it, ' +
    'or the author approves their own version without a note, no one else checked its metrics, bias report or card.',
  remediation: {
    summary:
      'Register versions as PendingManualApproval (the SageMaker Python SDK default for RegisterModel) and ' +
      'have a reviewer other than the author approve them with an approval description; drive deployment from the ' +
      'approval event. Restrict sagemaker:UpdateModelPackage to the reviewers.',
    console:
      'SageMaker Studio > Models > Registered models > (group) > (version) > Update status > Approved, with a comment.',
    cli:
      'aws sagemaker update-model-package --model-package-arn <version-arn> --model-approval-status Approved ' +
      '--approval-description "<who reviewed what, ticket>"',
  },
  references: [
    'ML Lens MLREL03-BP01',
    'ML Lens MLOPS04-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeModelPackage.html',
  ],
  needs: ['modelPackages'],
  messages: {
    approvedByCreator:
      'Version {name} was approved, without an approval description, by the identity that registered it ({identity}).',
    noApprovalRecord:
      'Version {name} is Approved with no approval description and no record of a reviewer other than its registrant.',
  },
  evaluate: ({ modelPackages }, { pass, fail }) =>
    modelPackages
      .filter((p) => p.latestInGroup)
      .map((p) => {
        const evidence = {
          ModelApprovalStatus: p.approvalStatus,
          ApprovalDescription: p.approvalDescription ?? null,
          CreatedBy: p.createdBy ?? null,
          LastModifiedBy: p.lastModifiedBy ?? null,
        };
        if (p.approvalStatus !== 'Approved') return pass(p, evidence);
        if (p.approvalDescription?.trim()) return pass(p, evidence);
        if (p.createdBy && p.lastModifiedBy && p.createdBy !== p.lastModifiedBy) return pass(p, evidence);
        if (p.createdBy && p.lastModifiedBy === p.createdBy) {
          return fail(p, 'approvedByCreator', { identity: p.createdBy }, evidence);
        }
        return fail(p, 'noApprovalRecord', {}, evidence);
      }),
});
