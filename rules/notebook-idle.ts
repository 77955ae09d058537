import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

const DAY_MS = 86_400_000;

export default defineRule({
  id: 'notebook-idle',
  title: 'Long-running notebook instances stop themselves when idle',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'A notebook instance bills for every hour it is InService, used or not, and most are left running overnight and ' +
    'over weekends. Starting or stopping a notebook updates its LastModifiedTime, so one InService for longer than ' +
    'the maxIdleDays option (default 14) without an auto-stop lifecycle script has most likely been idling.',
  remediation: {
    summary:
      'Attach a lifecycle configuration that stops the notebook after an idle period (the auto-stop-idle sample ' +
      'installs autostop.py as a cron job), or stop notebooks that are not in use. The age threshold is the rule ' +
      'option maxIdleDays.',
    console:
      'SageMaker AI console > Notebooks > Lifecycle configurations > Create configuration (Start notebook: the ' +
      'auto-stop-idle script); then Notebook instances > (stopped notebook) > Edit > Lifecycle configuration.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> --lifecycle-config-name <auto-stop-config>',
  },
  references: [
    'ML Lens MLCOST04-BP08',
    'ML Lens MLSUS03-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html',
    'https://github.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples',
  ],
  // notebookInstances first: the engine reports per-resource Describe errors of the first slice only.
  needs: ['notebookInstances', 'notebookLifecycleConfigs'],
  options: { maxIdleDays: 14 },
  messages: {
    noAutoStop:
      'Notebook instance {name} has been InService for {days} days (since {since}) and has no lifecycle configuration.',
    lifecycleWithoutAutoStop:
      'Notebook instance {name} has been InService for {days} days (since {since}) and its lifecycle configuration ' +
      '{config} does not stop it when idle.',
  },
  evaluate: ({ notebookInstances }, ctx) => {
    const collectedAt = Date.parse(ctx.collectedAt);
    const maxIdleDays = ctx.options.maxIdleDays;
    return notebookInstances.map((nb) => {
      const evidence = {
        NotebookInstanceStatus: nb.status,
        LastModifiedTime: nb.lastModifiedTime ?? null,
        NotebookInstanceLifecycleConfigName: nb.lifecycleConfigName ?? null,
        maxIdleDays,
      };
      // A stopped (or starting, or failed) notebook costs nothing to leave as it is.
      if (nb.status !== 'InService') return ctx.pass(nb, evidence);
      const modified = nb.lastModifiedTime ? Date.parse(nb.lastModifiedTime) : Number.NaN;
      if (Number.isNaN(modified)) {
        return ctx.error(nb, 'Not evaluated: DescribeNotebookInstance returned no LastModifiedTime.', evidence);
      }
      const days = Math.floor((collectedAt - modified) / DAY_MS);
      if (days <= maxIdleDays) return ctx.pass(nb, { ...evidence, daysInService: days });
      const data = { days, since: nb.lastModifiedTime ?? '' };
      const aged = { ...evidence, daysInService: days };
      const configName = nb.lifecycleConfigName;
      if (!configName) return ctx.fail(nb, 'noAutoStop', data, { ...aged, autoStop: false });
      const config = ctx.lookup('notebookLifecycleConfigs', configName, nb.region);
      switch (config.status) {
        case 'error':
          return ctx.error(nb, `Not evaluated: lifecycle configuration ${configName}: ${describeCollectionError(config.error)}.`, aged);
        case 'absent':
          return ctx.error(nb, `Not evaluated: lifecycle configuration ${configName} was not found in the inventory.`, aged);
        case 'found':
          if (config.item.autoStop) return ctx.pass(nb, { ...aged, autoStop: true });
          return ctx.fail(nb, 'lifecycleWithoutAutoStop', { ...data, config: configName }, { ...aged, autoStop: false });
      }
    });
  },
});
