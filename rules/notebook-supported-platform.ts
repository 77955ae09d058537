import { defineRule } from '../src/engine/rule.js';

/**
 * PlatformIdentifier values, as of SDK 3.1124 (whose CreateNotebookInstance documentation names notebook-al2023-v1
 * as the default): notebook-al1-v1, notebook-al2-v1 and notebook-al2-v2 are deprecated and can no longer be launched
 * (Amazon Linux 1 and JupyterLab 1/3 are out of support); notebook-al2-v3 (Amazon Linux 2, JupyterLab 4) can still be
 * launched, but Amazon Linux 2 reaches end of support on 2026-06-30; notebook-al2023-v1 (Amazon Linux 2023) is the
 * current platform. Teams that still accept AL2 until its end of life can add notebook-al2-v3 to allowedPlatforms.
 */
const DEFAULT_ALLOWED_PLATFORMS = ['notebook-al2023-v1'];

export default defineRule({
  id: 'notebook-supported-platform',
  title: 'Notebook instances run on a supported Amazon Linux platform',
  severity: 'medium',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A notebook instance on a deprecated platform runs an operating system and JupyterLab that no longer receive ' +
    'security fixes, while it holds the execution role credentials and copies of data. The accepted platform ' +
    'identifiers are the rule option allowedPlatforms (default: notebook-al2023-v1).',
  remediation: {
    summary:
      'Move the notebook to a supported platform: stop it and update its PlatformIdentifier (the root volume is ' +
      'replaced, /home/ec2-user/SageMaker is kept), or create a new notebook instance on notebook-al2023-v1 and ' +
      'copy the work over. Check that lifecycle configurations still work on Amazon Linux 2023 (no cron by default). ' +
      'Add platforms your organisation still accepts to the allowedPlatforms option.',
    console:
      'SageMaker AI console > Notebooks > Notebook instances > (stopped notebook) > Edit > Platform identifier; or ' +
      'Create notebook instance > Platform identifier: Amazon Linux 2023.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> --platform-identifier notebook-al2023-v1',
  },
  references: [
    'ML Lens MLSEC04-BP01',
    'Security Hub SageMaker.8',
    'AWS Config sagemaker-notebook-instance-platform-version',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html',
  ],
  needs: ['notebookInstances'],
  options: { allowedPlatforms: DEFAULT_ALLOWED_PLATFORMS },
  messages: {
    unsupported: 'Notebook instance {name} runs on platform {platform}, which is not one of {allowed}.',
    noPlatform: 'Notebook instance {name} reports no PlatformIdentifier, so its platform cannot be shown to be supported.',
  },
  evaluate: ({ notebookInstances }, ctx) => {
    const allowed = ctx.options.allowedPlatforms;
    return notebookInstances.map((nb) => {
      const evidence = { PlatformIdentifier: nb.platformIdentifier ?? null, allowedPlatforms: [...allowed] };
      if (!nb.platformIdentifier) return ctx.fail(nb, 'noPlatform', {}, evidence);
      if (allowed.includes(nb.platformIdentifier)) return ctx.pass(nb, evidence);
      return ctx.fail(nb, 'unsupported', { platform: nb.platformIdentifier, allowed: allowed.join(', ') }, evidence);
    });
  },
});
