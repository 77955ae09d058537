import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'model-in-vpc',
  title: 'Models run their inference containers in a VPC',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Without a VpcConfig the containers run in a SageMaker-managed network: their traffic to S3, feature stores and ' +
    'other services cannot be kept on VPC endpoints, filtered by security groups or seen in your flow logs.',
  remediation: {
    summary:
      'Models are immutable: create a new model with VpcConfig (private subnets and a security group), put it in a ' +
      'new endpoint config and update the endpoints that use the old one. Give the subnets VPC endpoints for S3, ' +
      'ECR and any service the container calls.',
    console:
      'SageMaker AI console > Inference > Models > Create model > Network: choose a VPC, private subnets and security ' +
      'groups; then create an endpoint configuration with it and update the endpoint.',
    cli:
      'aws sagemaker create-model --model-name <new-model> --execution-role-arn <role-arn> ' +
      '--primary-container file://container.json ' +
      '--vpc-config SecurityGroupIds=<sg-id>,Subnets=<subnet-a>,<subnet-b>',
  },
  references: [
    'ML Lens MLSEC05-BP01',
    'AWS Config sagemaker-model-in-vpc',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html',
  ],
  needs: ['models'],
  messages: {
    noVpc: 'Model {name} has no VpcConfig, so its containers do not run in your VPC.',
    noSubnets: 'Model {name} has a VpcConfig without subnets.',
  },
  evaluate: ({ models }, { pass, fail }) =>
    models.map((m) => {
      if (!m.vpc) return fail(m, 'noVpc', {}, { VpcConfig: null });
      const evidence = { Subnets: m.vpc.subnets, SecurityGroupIds: m.vpc.securityGroupIds };
      return m.vpc.subnets.length > 0 ? pass(m, evidence) : fail(m, 'noSubnets', {}, evidence);
    }),
});
