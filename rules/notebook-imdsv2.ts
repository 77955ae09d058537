import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-imdsv2',
  title: 'Notebook instances require IMDSv2 for instance metadata',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The instance metadata service hands out the execution role credentials. IMDSv1 answers any plain GET, so a ' +
    'server-side request forgery in a notebook extension or web app running on the instance can steal them; IMDSv2 ' +
    'requires a session token obtained with a PUT, which such requests cannot send.',
  remediation: {
    summary:
      'Set InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion to 2. The notebook must be ' +
      'stopped to update it; check first that scripts on it fetch metadata with a session token.',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > (stopped notebook) > Edit > Minimum IMDS version: ' +
      'Version 2 (recommended).',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> ' +
      '--instance-metadata-service-configuration MinimumInstanceMetadataServiceVersion=2',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InstanceMetadataServiceConfiguration.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
  ],
  needs: ['notebookInstances'],
  messages: {
    legacyImdsAllowed: 'Notebook instance {name} still answers IMDSv1 requests (minimum IMDS version {version}).',
  },
  evaluate: ({ notebookInstances }, ctx) =>
    notebookInstances.map((nb) => {
      const evidence = { MinimumInstanceMetadataServiceVersion: nb.minimumImdsVersion ?? null };
      if (nb.minimumImdsVersion === '2') return ctx.pass(nb, evidence);
      // Absent means the notebook was never configured, and version 1 is then the minimum.
      return ctx.fail(nb, 'legacyImdsAllowed', { version: nb.minimumImdsVersion ?? '1 (not set)' }, evidence);
    }),
});
