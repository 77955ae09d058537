import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-no-direct-internet',
  title: 'Notebook instances have no direct internet access',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'With direct internet access, SageMaker gives the notebook a network path to the internet that bypasses your VPC, ' +
    'so data can leave and code can be pulled in without passing your firewalls, proxies or flow logs.',
  remediation: {
    summary:
      'DirectInternetAccess cannot be changed after creation: recreate the notebook instance in a VPC subnet with ' +
      'DirectInternetAccess Disabled, and reach the internet, if needed, through a NAT gateway or VPC endpoints you control.',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > Create notebook instance > Network: choose a VPC, ' +
      'subnet and security groups, and set Direct internet access to Disable.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium ' +
      '--role-arn <role-arn> --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'Security Hub SageMaker.1',
    'AWS Config sagemaker-notebook-no-direct-internet-access',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
  ],
  needs: ['notebookInstances'],
  messages: {
    directInternet: 'Notebook instance {name} has direct internet access enabled.',
  },
  evaluate: ({ notebookInstances }, ctx) =>
    notebookInstances.map((nb) => {
      const evidence = { DirectInternetAccess: nb.directInternetAccess ? 'Enabled' : 'Disabled' };
      return nb.directInternetAccess ? ctx.fail(nb, 'directInternet', {}, evidence) : ctx.pass(nb, evidence);
    }),
});
