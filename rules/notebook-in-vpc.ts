import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-in-vpc',
  title: 'Notebook instances run in a VPC',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A notebook launched without a subnet runs in a network SageMaker manages, outside your security groups, ' +
    'network ACLs, VPC endpoints and flow logs, so you can neither restrict nor observe its traffic.',
  remediation: {
    summary:
      'The subnet cannot be changed after creation: recreate the notebook instance with a SubnetId and security ' +
      'groups in your VPC, and add VPC endpoints (SageMaker API, runtime, S3) for the services it needs.',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > Create notebook instance > Network: choose a VPC, ' +
      'subnet and security groups.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium ' +
      '--role-arn <role-arn> --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'Security Hub SageMaker.2',
    'AWS Config sagemaker-notebook-instance-inside-vpc',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
  ],
  needs: ['notebookInstances'],
  messages: {
    noVpc: 'Notebook instance {name} is not attached to a VPC subnet.',
  },
  evaluate: ({ notebookInstances }, ctx) =>
    notebookInstances.map((nb) => {
      const evidence = { SubnetId: nb.subnetId ?? null, SecurityGroups: nb.securityGroups };
      return nb.subnetId ? ctx.pass(nb, evidence) : ctx.fail(nb, 'noVpc', {}, evidence);
    }),
});
