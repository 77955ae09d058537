import { defineRule } from '../src/engine/rule.js';

/**
 * Hosts of public registries. An image reference with no registry host (`python:3.11`, `org/image`) is Docker Hub.
 * https://docs.docker.com/reference/cli/docker/image/tag/#description
 */
const PUBLIC_REGISTRIES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
  'public.ecr.aws',
  'ghcr.io',
  'quay.io',
  'gcr.io',
  'mcr.microsoft.com',
  'registry.gitlab.com',
  'nvcr.io',
]);

/** The registry host of an image reference: the first path segment when it looks like a host, else Docker Hub. */
export function registryHost(image: string): string {
  const slash = image.indexOf('/');
  const first = slash >= 0 ? image.slice(0, slash) : '';
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  return isHost ? first.toLowerCase() : 'docker.io';
}

export function isPublicRegistry(image: string): boolean {
  const host = registryHost(image);
  return PUBLIC_REGISTRIES.has(host) || host.endsWith('.gcr.io') || host.endsWith('.pkg.dev');
}

/*
 * What "private registry" means here. ImageConfig.RepositoryAccessMode is Platform (the image is in Amazon ECR; also
 * the default when ImageConfig is absent) or Vpc (a Docker registry reached through the model's VPC). AWS Config's
 * sagemaker-model-private-registry-required (and Security Hub SageMaker.16/.19) fail every model that is not in Vpc
 * mode, i.e. every model whose image is in ECR. ECR is a private registry, access-controlled by IAM and scanned for
 * vulnerabilities, and is where AWS recommends keeping images, so we do not follow that: ECR images (Platform or no
 * ImageConfig) PASS. What the rule looks for is an image pulled from a public registry, which Vpc mode makes possible
 * (through a NAT gateway): a public registry host, or a reference without one (Docker Hub). Containers that name only
 * a ModelPackageName take their image from the package, which SageMaker validated at registration.
 */
export default defineRule({
  id: 'model-private-registry',
  title: 'Model containers are pulled from Amazon ECR or a private registry, not a public one',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['veracity-robustness', 'privacy-security'],
  pillars: ['security'],
  rationale:
    'An inference image pulled from a public registry can be replaced or typosquatted upstream, escapes your image ' +
    'scanning and access control, and changes what the endpoint runs without any change on your side.',
  remediation: {
    summary:
      'Copy the image into Amazon ECR (or a private registry you control in the VPC), scan it, and recreate the model ' +
      'with that image: models are immutable. Images already in ECR pass; unlike AWS Config ' +
      'sagemaker-model-private-registry-required, this rule does not require RepositoryAccessMode Vpc for them.',
    console:
      'Amazon ECR console > Create repository, push the image; then SageMaker AI console > Inference > Models > ' +
      'Create model with the ECR image URI, and update the endpoint configuration.',
    cli:
      'docker pull <public-image> && docker tag <public-image> <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag> && ' +
      'docker push <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag> && ' +
      'aws sagemaker create-model --model-name <new-model> --execution-role-arn <role-arn> ' +
      '--primary-container Image=<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>,ModelDataUrl=<s3-uri>',
  },
  references: [
    'ML Lens MLOPS04-BP02',
    'Security Hub SageMaker.16',
    'Security Hub SageMaker.19',
    'AWS Config sagemaker-model-private-registry-required',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ImageConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-containers-inference-private.html',
  ],
  needs: ['models'],
  messages: {
    publicRegistry: 'Model {name} pulls {images} from a public registry.',
  },
  evaluate: ({ models }, { pass, fail }) =>
    models.map((m) => {
      const evidence = {
        Images: m.containers.map((c) => c.image ?? `(model package ${c.modelPackageName ?? 'unknown'})`),
        RepositoryAccessModes: m.containers.map((c) => c.repositoryAccessMode ?? 'Platform (default)'),
      };
      const publicImages = m.containers.flatMap((c) => (c.image && isPublicRegistry(c.image) ? [c.image] : []));
      if (publicImages.length > 0) return fail(m, 'publicRegistry', { images: publicImages.join(', ') }, evidence);
      return pass(m, evidence);
    }),
});
