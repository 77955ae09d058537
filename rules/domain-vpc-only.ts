import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'domain-vpc-only',
  title: 'Studio domains send app traffic through your VPC only',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'In PublicInternetOnly mode, Studio apps reach the internet through a SageMaker-managed network that your ' +
    'security groups, network ACLs, VPC endpoints and flow logs do not see, so data can leave without a trace. ' +
    'VpcOnly routes all app traffic through your subnets, under your controls.',
  remediation: {
    summary:
      'Set AppNetworkAccessType to VpcOnly, with private subnets and VPC endpoints (or a NAT gateway) for the AWS ' +
      'services the apps need. The setting can be changed on an existing domain; running apps pick it up only ' +
      'when they are recreated, so shut them down afterwards.',
    console:
      'SageMaker AI console > Admin configurations > Domains > (domain) > Domain settings > Network > Edit > ' +
      'Virtual Private Cloud (VPC) Only.',
    cli:
      'aws sagemaker update-domain --domain-id <domain-id> --app-network-access-type VpcOnly ' +
      '--subnet-ids <private-subnet> --default-user-settings \'{"SecurityGroups":["<sg>"]}\'',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'AWS Config sagemaker-domain-in-vpc',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html',
  ],
  needs: ['domains'],
  messages: {
    publicInternet: 'Studio domain {name} uses {mode}: app traffic bypasses your VPC.',
  },
  evaluate: ({ domains }, ctx) =>
    domains.map((domain) => {
      const evidence = { AppNetworkAccessType: domain.appNetworkAccessType, VpcId: domain.vpcId ?? null };
      if (domain.appNetworkAccessType === 'VpcOnly') return ctx.pass(domain, evidence);
      return ctx.fail(domain, 'publicInternet', { mode: domain.appNetworkAccessType }, evidence);
    }),
});
