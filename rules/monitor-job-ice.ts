import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'monitor-job-ice',
  title: 'Multi-instance Model Monitor jobs encrypt traffic between containers',
  severity: 'medium',
  kind: 'security',
  phase: 'monitoring',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A monitoring job spread over several instances exchanges captured records and intermediate statistics over the ' +
    'network. Inter-container traffic encryption protects that exchange; a single-instance job has none to protect.',
  remediation: {
    summary:
      'Job definitions cannot be changed: create a new one with NetworkConfig.EnableInterContainerTrafficEncryption ' +
      'true, point the monitoring schedule at it and delete the old one. Job definitions on one instance are not ' +
      'applicable. Schedules with an inline job definition are not judged yet: the inventory does not record their ' +
      'instance count.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > edit the monitor > Network: ' +
      'enable inter-container traffic encryption.',
    cli:
      'aws sagemaker create-model-bias-job-definition --job-definition-name <new-name> ... ' +
      '--network-config \'{"EnableNetworkIsolation":true,"EnableInterContainerTrafficEncryption":true}\' && ' +
      'aws sagemaker update-monitoring-schedule --monitoring-schedule-name <schedule> --monitoring-schedule-config file://config.json',
  },
  references: [
    'ML Lens MLSEC04-BP02',
    'Security Hub SageMaker.9',
    'Security Hub SageMaker.10',
    'Security Hub SageMaker.13',
    'Security Hub SageMaker.15',
    'Security Hub SageMaker.22',
    'AWS Config sagemaker-data-quality-job-encrypt-in-transit',
    'AWS Config sagemaker-model-explainability-job-encrypt-in-transit',
    'AWS Config sagemaker-model-quality-job-encrypt-in-transit',
    'AWS Config sagemaker-model-bias-job-encrypt-in-transit',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html',
  ],
  needs: ['monitoringJobDefinitions'],
  messages: {
    iceDisabled: '{type} job definition {name} runs on {instances} instances without inter-container traffic encryption.',
  },
  evaluate: ({ monitoringJobDefinitions }, ctx) =>
    monitoringJobDefinitions.map((def) => {
      if (def.instanceCount < 2) return ctx.pass(def, { InstanceCount: def.instanceCount, applicable: false });
      const evidence = {
        MonitoringType: def.monitoringType,
        InstanceCount: def.instanceCount,
        EnableInterContainerTrafficEncryption: def.interContainerEncryption,
      };
      return def.interContainerEncryption
        ? ctx.pass(def, evidence)
        : ctx.fail(def, 'iceDisabled', { type: def.monitoringType, instances: def.instanceCount }, evidence);
    }),
});
