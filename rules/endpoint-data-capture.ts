import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'endpoint-data-capture',
  title: 'Endpoints capture inference requests and responses',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['transparency', 'veracity-robustness'],
  pillars: ['operational-excellence', 'performance'],
  rationale:
    'Captured requests and predictions are what Model Monitor compares against its baseline to detect drift, and ' +
    'the record needed to explain or audit a past prediction. Without both input and output, model quality cannot ' +
    'be measured against ground truth.',
  remediation: {
    summary:
      'Create an endpoint config whose DataCaptureConfig has EnableCapture true, an InitialSamplingPercentage above 0 ' +
      'and CaptureOptions Input and Output, then update the endpoint to it. With the SageMaker Python SDK, pass ' +
      'DataCaptureConfig(enable_capture=True, sampling_percentage=..., destination_s3_uri=...) to deploy() or ' +
      'predictor.update_data_capture_config().',
    console:
      'SageMaker AI console > Inference > Endpoint configurations > Create endpoint configuration > Data capture: ' +
      'enable, set the sampling percentage and capture both prediction request and response; then update the endpoint.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <new-config> --production-variants file://variants.json ' +
      '--data-capture-config \'{"EnableCapture":true,"InitialSamplingPercentage":20,"DestinationS3Uri":"s3://<bucket>/capture",' +
      '"CaptureOptions":[{"CaptureMode":"Input"},{"CaptureMode":"Output"}]}\' && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config>',
  },
  references: [
    'ML Lens MLOPS06-BP02',
    'ML Lens MLPERF06-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html',
  ],
  needs: ['endpoints', 'endpointConfigs'],
  messages: {
    notEnabled: 'Endpoint {name} does not capture inference data (data capture is off in endpoint config {config}).',
    zeroSampling: 'Endpoint {name} has data capture enabled at 0% sampling in endpoint config {config}, so nothing is captured.',
    partialCapture:
      'Endpoint {name} captures only {captured} (endpoint config {config}); capture both input and output to measure model quality.',
    captureStopped: 'Endpoint {name} has data capture configured, but its capture status is Stopped.',
  },
  evaluate: ({ endpoints }, ctx) =>
    endpoints.map((ep) => {
      const config = ctx.lookup('endpointConfigs', ep.endpointConfigName, ep.region);
      if (config.status === 'error') {
        return ctx.error(
          ep,
          `Not evaluated: endpoint config ${ep.endpointConfigName}: ${describeCollectionError(config.error)}.`,
        );
      }
      if (config.status === 'absent') {
        // An endpoint config can be deleted while an endpoint still runs on it; the capture settings are then unknown.
        return ctx.error(ep, `Not evaluated: endpoint config ${ep.endpointConfigName} not found.`);
      }
      const capture = config.item.dataCapture;
      const data = { config: ep.endpointConfigName };
      const evidence = {
        EndpointConfigName: ep.endpointConfigName,
        EnableCapture: capture?.enabled ?? false,
        InitialSamplingPercentage: capture?.samplingPercentage ?? null,
        CaptureOptions: [...(capture?.captureInput ? ['Input'] : []), ...(capture?.captureOutput ? ['Output'] : [])],
        CaptureStatus: ep.dataCapture?.captureStatus ?? null,
      };
      if (!capture?.enabled) return ctx.fail(ep, 'notEnabled', data, evidence);
      if (!(capture.samplingPercentage > 0)) return ctx.fail(ep, 'zeroSampling', data, evidence);
      if (!capture.captureInput || !capture.captureOutput) {
        const captured = capture.captureInput ? 'input' : capture.captureOutput ? 'output' : 'neither input nor output';
        return ctx.fail(ep, 'partialCapture', { ...data, captured }, evidence);
      }
      if (ep.dataCapture?.captureStatus === 'Stopped') return ctx.fail(ep, 'captureStopped', data, evidence);
      return ctx.pass(ep, evidence);
    }),
});
