import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'monitor-job-network-isolation',
  title: 'Model Monitor jobs run with network isolation',
  severity: 'medium',
  kind: 'security',
  phase: 'monitoring',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Monitoring jobs read captured production requests and predictions and ground-truth labels. With network ' +
    'isolation their containers cannot open connections out of the job, so a compromised or careless container ' +
    'cannot send that data anywhere.',
  remediation: {
    summary:
      'Job definitions cannot be changed: create a new one with NetworkConfig.EnableNetworkIsolation true, point the ' +
      'monitoring schedule at it (update-monitoring-schedule) and delete the old definition. Schedules with an inline ' +
      'job definition are updated in place. Job definitions used by schedules are judged here, the schedules that name ' +
      'them are not.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > edit the monitor > Network: ' +
      'enable network isolation.',
    cli:
      'aws sagemaker create-data-quality-job-definition --job-definition-name <new-name> ... ' +
      '--network-config \'{"EnableNetworkIsolation":true,"EnableInterContainerTrafficEncryption":true}\' && ' +
      'aws sagemaker update-monitoring-schedule --monitoring-schedule-name <schedule> --monitoring-schedule-config ' +
      '\'{"MonitoringJobDefinitionName":"<new-name>","MonitoringType":"DataQuality","ScheduleConfig":{"ScheduleExpression":"cron(0 * ? * * *)"}}\'',
  },
  references: [
    'ML Lens MLSEC04-BP01',
    'Security Hub SageMaker.11',
    'Security Hub SageMaker.12',
    'Security Hub SageMaker.14',
    'Security Hub SageMaker.20',
    'Security Hub SageMaker.25',
    'AWS Config sagemaker-data-quality-job-isolation',
    'AWS Config sagemaker-model-bias-job-isolation',
    'AWS Config sagemaker-monitoring-schedule-isolation',
    'AWS Config sagemaker-model-explainability-job-network-isolation',
    'AWS Config sagemaker-model-quality-job-definition-isolation',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html',
  ],
  needs: ['monitoringJobDefinitions', 'monitoringSchedules'],
  messages: {
    definitionNotIsolated: '{type} job definition {name} does not enable network isolation.',
    scheduleNotIsolated: 'Monitoring schedule {name} runs its inline job definition without network isolation.',
  },
  evaluate: ({ monitoringJobDefinitions, monitoringSchedules }, ctx) => [
    ...monitoringJobDefinitions.map((def) => {
      const evidence = { MonitoringType: def.monitoringType, EnableNetworkIsolation: def.networkIsolation };
      return def.networkIsolation
        ? ctx.pass(def, evidence)
        : ctx.fail(def, 'definitionNotIsolated', { type: def.monitoringType }, evidence);
    }),
    // Only an inline MonitoringJobDefinition carries the setting on the schedule; the others are judged above.
    ...monitoringSchedules
      .filter((s) => s.networkIsolation !== undefined)
      .map((s) => {
        const evidence = { EnableNetworkIsolation: s.networkIsolation === true, inlineJobDefinition: true };
        return s.networkIsolation ? ctx.pass(s, evidence) : ctx.fail(s, 'scheduleNotIsolated', {}, evidence);
      }),
  ],
});
