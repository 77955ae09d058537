import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-root-disabled',
  title: 'Notebook instances do not give users root access',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Root lets every notebook user change the instance, install arbitrary software and tamper with what runs under ' +
    'the execution role. Without it, lifecycle configurations still run as root, so administrators keep control.',
  remediation: {
    summary:
      'Stop the notebook instance, set RootAccess to Disabled, and start it again. Move any setup that needs root ' +
      'into a lifecycle configuration.',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > (instance) > Stop > Edit > Permissions and encryption > ' +
      'Root access: Disable > Update notebook instance.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled',
  },
  references: [
    'ML Lens MLSEC03-BP01',
    'Security Hub SageMaker.3',
    'AWS Config sagemaker-notebook-instance-root-access-check',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html',
  ],
  needs: ['notebookInstances'],
  messages: {
    rootEnabled: 'Notebook instance {name} gives users root access.',
  },
  evaluate: ({ notebookInstances }, ctx) =>
    notebookInstances.map((nb) => {
      const evidence = { RootAccess: nb.rootAccess ? 'Enabled' : 'Disabled' };
      return nb.rootAccess ? ctx.fail(nb, 'rootEnabled', {}, evidence) : ctx.pass(nb, evidence);
    }),
});
