import rule, { isPublicRegistry, registryHost } from '../../rules/model-private-registry.js';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, describeError, inventory, listError, model, REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const ECR = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn-xgb:1.7-1`;
const AWS_DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-cpu-py310';

describe('registryHost', () => {
  it.each([
    ['python:3.11-slim', 'docker.io'],
    ['library/nginx', 'docker.io'],
    ['docker.io/library/nginx:1.25', 'docker.io'],
    ['public.ecr.aws/lambda/python:3.12', 'public.ecr.aws'],
    ['registry.corp.example.com:5000/ml/churn:7', 'registry.corp.example.com:5000'],
    ['localhost:5000/churn', 'localhost:5000'],
    [AWS_DLC, '763104351884.dkr.ecr.us-east-1.amazonaws.com'],
  ])('%s is on %s', (image, host) => {
    expect(registryHost(image)).toBe(host);
  });

  it('knows public registries, and private hosts are not', () => {
    expect(isPublicRegistry('ghcr.io/org/model:1')).toBe(true);
    expect(isPublicRegistry('us-docker.pkg.dev/project/repo/image:1')).toBe(true);
    expect(isPublicRegistry('registry.corp.example.com:5000/ml/churn:7')).toBe(false);
    expect(isPublicRegistry(ECR)).toBe(false);
  });
});

runRuleTests(rule, {
  valid: [
    { name: 'an ECR image in this account (the builder default, Vpc mode)', inventory: inventory({ models: [model()] }) },
    {
      name: 'ECR images in Platform mode or without ImageConfig pass (unlike the AWS Config rule)',
      inventory: inventory({
        models: [
          model({ name: 'model-pass-platform', containers: [{ image: ECR, repositoryAccessMode: 'Platform' }] }),
          model({ name: 'model-pass-no-image-config', containers: [{ image: AWS_DLC }] }),
        ],
      }),
    },
    {
      name: 'a private registry in the VPC, and an ECR pull-through cache of Docker Hub',
      inventory: inventory({
        models: [
          model({
            name: 'model-pass-private-registry',
            containers: [{ image: 'registry.corp.example.com:5000/ml/churn:7', repositoryAccessMode: 'Vpc' }],
          }),
          model({
            name: 'model-pass-pull-through',
            containers: [{ image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/docker-hub/library/python:3.11` }],
          }),
        ],
      }),
    },
    {
      name: 'a container that names only a model package takes its image from the package',
      inventory: inventory({
        models: [
          model({
            name: 'model-pass-package',
            containers: [{ modelPackageName: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3` }],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'an image reference without a registry host is Docker Hub',
      inventory: inventory({
        models: [model(), model({ name: 'model-fail-docker-hub', containers: [{ image: 'python:3.11-slim', repositoryAccessMode: 'Vpc' }] })],
      }),
      failures: [{ resource: 'model-fail-docker-hub', messageId: 'publicRegistry' }],
    },
    {
      name: 'explicit public registries',
      inventory: inventory({
        models: [
          model({ name: 'model-fail-ghcr', containers: [{ image: 'ghcr.io/acme/scorer:2.0', repositoryAccessMode: 'Vpc' }] }),
          model({ name: 'model-fail-ecr-public', containers: [{ image: 'public.ecr.aws/acme/scorer:2.0', repositoryAccessMode: 'Vpc' }] }),
        ],
      }),
      failures: [
        { resource: 'model-fail-ghcr', messageId: 'publicRegistry' },
        { resource: 'model-fail-ecr-public', messageId: 'publicRegistry' },
      ],
    },
    {
      name: 'one public container in an inference pipeline is enough',
      inventory: inventory({
        models: [
          model({
            name: 'model-fail-pipeline',
            containers: [
              { image: ECR, repositoryAccessMode: 'Platform' },
              { image: 'docker.io/acme/postprocess:1', repositoryAccessMode: 'Vpc' },
            ],
          }),
        ],
      }),
      failures: [{ resource: 'model-fail-pipeline', messageId: 'publicRegistry' }],
    },
  ],
  error: [
    {
      name: 'DescribeModel failed for one model',
      inventory: inventory({ models: [model()], errors: [describeError('models', sagemakerArn('model', 'model-unreadable'))] }),
      errors: ['model-unreadable'],
    },
    {
      name: 'ListModels denied: the scope is ERROR',
      inventory: inventory({ models: [model()], errors: [listError('models')] }),
      errors: ['models (us-east-1)'],
    },
  ],
});
