import { defineRule } from '../src/engine/rule.js';

const GRADUAL = ['CANARY', 'LINEAR', 'ROLLING'];

export default defineRule({
  id: 'endpoint-deployment-guardrails',
  title: 'Endpoint updates shift traffic gradually and roll back automatically on alarms',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['safety'],
  pillars: ['reliability'],
  rationale:
    'An update that moves all traffic to a new model at once exposes every caller to a bad model before anyone ' +
    'notices. Canary, linear or rolling deployment guardrails shift traffic in steps, and CloudWatch alarms in the ' +
    'auto-rollback configuration return traffic to the old fleet when errors or latency rise.',
  remediation: {
    summary:
      'Pass a DeploymentConfig on every UpdateEndpoint: a BlueGreenUpdatePolicy with CANARY or LINEAR traffic routing ' +
      '(or a RollingUpdatePolicy) and AutoRollbackConfiguration alarms on the endpoint\'s error and latency metrics. ' +
      'LastDeploymentConfig only exists once an update carried a DeploymentConfig, so an endpoint never modified since ' +
      'it was created passes as not applicable. Option updateGraceMinutes (default 60) is how long after CreationTime ' +
      'a LastModifiedTime still counts as the creation itself finishing rather than an update.',
    console:
      'SageMaker AI console > Inference > Endpoints > (endpoint) > Update endpoint > Deployment options: choose ' +
      'Canary or Linear traffic shifting (or Rolling) and add the CloudWatch alarms for auto-rollback.',
    cli:
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-config> --deployment-config ' +
      '\'{"BlueGreenUpdatePolicy":{"TrafficRoutingConfiguration":{"Type":"CANARY","CanarySize":{"Type":"CAPACITY_PERCENT","Value":10},' +
      '"WaitIntervalInSeconds":600}},"AutoRollbackConfiguration":{"Alarms":[{"AlarmName":"<endpoint>-5xx"}]}}\'',
  },
  references: [
    'ML Lens MLREL04-BP02',
    'ML Lens MLREL04-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeploymentConfig.html',
  ],
  needs: ['endpoints'],
  options: { updateGraceMinutes: 60 },
  messages: {
    allAtOnce: 'Endpoint {name} was last deployed with {routing} traffic shifting, not canary, linear or rolling.',
    noRollbackAlarms: 'Endpoint {name} was last deployed with {routing} traffic shifting but no auto-rollback alarms.',
    noDeploymentConfig:
      'Endpoint {name} was modified after it was created (last modified {modified}) without a deployment config, so that update shifted all traffic at once with no auto-rollback.',
  },
  evaluate: ({ endpoints }, ctx) =>
    endpoints.map((ep) => {
      const deployment = ep.lastDeploymentConfig;
      if (!deployment) {
        const created = Date.parse(ep.creationTime);
        const modified = ep.lastModifiedTime !== undefined ? Date.parse(ep.lastModifiedTime) : created;
        const evidence = {
          lastDeploymentConfig: null,
          CreationTime: ep.creationTime,
          LastModifiedTime: ep.lastModifiedTime ?? null,
        };
        if (Number.isNaN(created) || Number.isNaN(modified)) {
          return ctx.error(ep, 'Not evaluated: DescribeEndpoint reported no readable CreationTime or LastModifiedTime.', evidence);
        }
        // LastModifiedTime moves when creation completes, so only a change well after it is an update.
        const graceMs = ctx.options.updateGraceMinutes * 60_000;
        if (modified - created <= graceMs) return ctx.pass(ep, { ...evidence, neverUpdated: true });
        return ctx.fail(ep, 'noDeploymentConfig', { modified: ep.lastModifiedTime ?? '' }, { ...evidence, neverUpdated: false });
      }
      const routing = deployment.trafficRouting ?? 'unspecified';
      const evidence = { TrafficRouting: routing, RollbackAlarms: deployment.rollbackAlarms };
      if (!GRADUAL.includes(routing)) return ctx.fail(ep, 'allAtOnce', { routing }, evidence);
      if (deployment.rollbackAlarms.length === 0) return ctx.fail(ep, 'noRollbackAlarms', { routing }, evidence);
      return ctx.pass(ep, evidence);
    }),
});
