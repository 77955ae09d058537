import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'domain-idle-shutdown',
  title: 'Studio domains shut down idle JupyterLab apps',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'A JupyterLab space keeps its instance, often a GPU, billing until someone stops it. Idle shutdown set as the ' +
    'domain default stops it after a period without activity, for every user. The longest acceptable default ' +
    'timeout is the rule option maxIdleTimeoutMinutes (default 240).',
  remediation: {
    summary:
      'Enable idle shutdown for JupyterLab in the domain\'s default user settings with an IdleTimeoutInMinutes no ' +
      'longer than the maxIdleTimeoutMinutes option (60 minutes minimum); optionally bound what users may choose with ' +
      'MinIdleTimeoutInMinutes and MaxIdleTimeoutInMinutes. Existing apps pick the setting up when restarted.',
    console:
      'SageMaker AI console > Admin configurations > Domains > (domain) > App Configurations > JupyterLab > Edit > ' +
      'Idle shutdown: enable, and set the default idle time.',
    cli:
      'aws sagemaker update-domain --domain-id <domain-id> --default-user-settings \'{"JupyterLabAppSettings":' +
      '{"AppLifecycleManagement":{"IdleSettings":{"LifecycleManagement":"ENABLED","IdleTimeoutInMinutes":120}}}}\'',
  },
  references: [
    'ML Lens MLCOST04-BP08',
    'ML Lens MLSUS03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_IdleSettings.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateDomain.html',
  ],
  needs: ['domains'],
  options: { maxIdleTimeoutMinutes: 240 },
  messages: {
    disabled: 'Studio domain {name} does not shut down idle JupyterLab apps.',
    noTimeout: 'Studio domain {name} enables JupyterLab idle shutdown but sets no default IdleTimeoutInMinutes.',
    timeoutTooLong:
      'Studio domain {name} shuts down idle JupyterLab apps only after {minutes} minutes (policy: at most {limit}).',
  },
  evaluate: ({ domains }, ctx) => {
    const limit = ctx.options.maxIdleTimeoutMinutes;
    return domains.map((domain) => {
      const idle = domain.jupyterLabIdleShutdown;
      const evidence = {
        LifecycleManagement: idle.enabled ? 'ENABLED' : 'DISABLED',
        IdleTimeoutInMinutes: idle.idleTimeoutMinutes ?? null,
        MaxIdleTimeoutInMinutes: idle.maxIdleTimeoutMinutes ?? null,
        maxIdleTimeoutMinutes: limit,
      };
      if (!idle.enabled) return ctx.fail(domain, 'disabled', {}, evidence);
      if (idle.idleTimeoutMinutes === undefined) return ctx.fail(domain, 'noTimeout', {}, evidence);
      if (idle.idleTimeoutMinutes > limit) {
        return ctx.fail(domain, 'timeoutTooLong', { minutes: idle.idleTimeoutMinutes, limit }, evidence);
      }
      return ctx.pass(domain, evidence);
    });
  },
});
