import { defineRule } from '../src/engine/rule.js';
import { hasInstanceStore } from './endpoint-config-kms.js';

export default defineRule({
  id: 'monitor-job-kms',
  title: 'Model Monitor jobs encrypt their storage volumes and reports with KMS keys',
  severity: 'medium',
  kind: 'security',
  phase: 'monitoring',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Monitoring jobs copy captured production data onto their instance volumes and write statistics and violation ' +
    'reports, which quote that data, to S3. Naming a KMS key for both keeps them under a key policy you control and ' +
    'logs every use.',
  remediation: {
    summary:
      'Job definitions cannot be changed: create a new one with JobResources.ClusterConfig.VolumeKmsKeyId and the job ' +
      'output config KmsKeyId set to a customer-managed key, point the monitoring schedule at it and delete the old ' +
      'one. Instance types with local NVMe storage cannot take a volume key (their disks are hardware-encrypted) and ' +
      'pass that part as not applicable.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > edit the monitor > Encryption: ' +
      'choose a customer-managed key for the volume and the output.',
    cli:
      'aws sagemaker create-data-quality-job-definition --job-definition-name <new-name> ... ' +
      '--job-resources \'{"ClusterConfig":{"InstanceCount":1,"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":20,"VolumeKmsKeyId":"<key-arn>"}}\' ' +
      '--data-quality-job-output-config \'{"MonitoringOutputs":[...],"KmsKeyId":"<key-arn>"}\'',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringOutputConfig.html',
  ],
  needs: ['monitoringJobDefinitions'],
  messages: {
    noKeys: '{type} job definition {name} sets neither a volume KMS key nor an output KMS key.',
    noVolumeKey: '{type} job definition {name} sets no VolumeKmsKeyId for its instance storage.',
    noOutputKey: '{type} job definition {name} sets no KmsKeyId for the reports it writes to S3.',
  },
  evaluate: ({ monitoringJobDefinitions }, ctx) =>
    monitoringJobDefinitions.map((def) => {
      const instanceStore = def.instanceType !== undefined && hasInstanceStore(def.instanceType);
      const evidence = {
        MonitoringType: def.monitoringType,
        InstanceType: def.instanceType ?? null,
        VolumeKmsKeyId: def.volumeKmsKeyId ?? null,
        OutputKmsKeyId: def.outputKmsKeyId ?? null,
        ...(instanceStore ? { instanceStore: true } : {}),
      };
      const volumeMissing = !def.volumeKmsKeyId && !instanceStore;
      const outputMissing = !def.outputKmsKeyId;
      const data = { type: def.monitoringType };
      if (volumeMissing && outputMissing) return ctx.fail(def, 'noKeys', data, evidence);
      if (volumeMissing) return ctx.fail(def, 'noVolumeKey', data, evidence);
      if (outputMissing) return ctx.fail(def, 'noOutputKey', data, evidence);
      return ctx.pass(def, evidence);
    }),
});
