import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'notebook-lcc-no-secrets',
  title: 'Notebook lifecycle configurations hold no credentials or other secrets',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Lifecycle scripts are stored in plain base64 and anyone allowed DescribeNotebookInstanceLifecycleConfig can ' +
    'read them, so an access key, password or private key written into one is effectively published to everyone ' +
    'with SageMaker read access. The scan reports the kind of secret and its line, never its value.',
  remediation: {
    summary:
      'Rotate the exposed credential first. Then store it in AWS Secrets Manager (or SSM Parameter Store as a ' +
      'SecureString), grant the notebook execution role read access to it, and change the script to fetch it at run ' +
      'time; AWS credentials should not be in the script at all, since the execution role already provides them.',
    console:
      'SageMaker AI console > Notebooks > Lifecycle configurations > (configuration) > Edit the Start notebook / ' +
      'Create notebook script.',
    cli:
      'aws sagemaker update-notebook-instance-lifecycle-config --notebook-instance-lifecycle-config-name <name> ' +
      '--on-start Content=$(base64 -w0 on-start.sh), where on-start.sh reads the secret with ' +
      '`aws secretsmanager get-secret-value --secret-id <secret> --query SecretString --output text`',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeNotebookInstanceLifecycleConfig.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
  ],
  needs: ['notebookLifecycleConfigs'],
  messages: {
    secretsFound: 'Lifecycle configuration {name} appears to contain secrets: {findings}.',
  },
  evaluate: ({ notebookLifecycleConfigs }, ctx) =>
    notebookLifecycleConfigs.map((config) => {
      const findings = config.secretFindings.map((f) => `${f.kind} (${f.hook} line ${f.line})`);
      const evidence = { Hooks: [...config.hooks], SecretFindings: findings };
      if (findings.length === 0) return ctx.pass(config, evidence);
      return ctx.fail(config, 'secretsFound', { findings: findings.join(', ') }, evidence);
    }),
});
