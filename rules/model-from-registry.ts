import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'model-from-registry',
  title: 'Models are created from versions in the model registry',
  severity: 'medium',
  kind: 'practice',
  phase: 'deployment',
  dimensions: ['governance', 'transparency'],
  pillars: ['operational-excellence', 'reliability'],
  rationale:
    'A model created from a model package version carries its lineage: the artifacts, metrics and approval that were ' +
    'reviewed. A model built straight from an image and an S3 path bypasses the registry, so nobody approved what ' +
    'serves traffic and it cannot be traced or rolled back by version.',
  remediation: {
    summary:
      'Register the model as a version in a model package group, approve it, and create the model from the version ' +
      "(PrimaryContainer.ModelPackageName = the version's ARN); then point the endpoint config at the new model. Every " +
      'container of an inference pipeline should come from the registry.',
    console:
      'SageMaker Studio > Models > Registered models > (group) > (version) > Deploy; or SageMaker AI console > ' +
      'Inference > Models > Create model > "Use a model package" with the version ARN.',
    cli:
      'aws sagemaker create-model --model-name <new-model> --execution-role-arn <role-arn> ' +
      '--primary-container ModelPackageName=arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>',
  },
  references: [
    'ML Lens MLREL03-BP01',
    'ML Lens MLREL05-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-deploy.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html',
  ],
  needs: ['models'],
  messages: {
    notFromRegistry: 'Model {name} is not created from a model package version.',
    partlyFromRegistry: 'Model {name} has {count} container(s) not created from a model package version.',
  },
  evaluate: ({ models }, { pass, fail }) =>
    models.map((m) => {
      const evidence = { ModelPackageNames: m.containers.map((c) => c.modelPackageName ?? '(none)') };
      const unregistered = m.containers.filter((c) => !c.modelPackageName).length;
      if (m.containers.length === 0 || unregistered === m.containers.length) {
        return fail(m, 'notFromRegistry', {}, evidence);
      }
      if (unregistered > 0) return fail(m, 'partlyFromRegistry', { count: unregistered }, evidence);
      return pass(m, evidence);
    }),
});
