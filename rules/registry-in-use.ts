import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'registry-in-use',
  title: 'Regions that host endpoints use the model registry',
  severity: 'low',
  kind: 'practice',
  phase: 'deployment',
  dimensions: ['governance'],
  pillars: ['operational-excellence', 'reliability'],
  rationale:
    'The model registry is where versions, their metrics and their approval are recorded. A region that serves ' +
    'models but has no approved version in a model package group deploys models nobody formally released, and ' +
    'cannot roll back to a known version.',
  remediation: {
    summary:
      'Create a model package group per model, register each trained model as a version (from the pipeline or the ' +
      'SDK), approve the version that should serve, and deploy from it. A region whose models are created from ' +
      "versions in another account's central registry passes.",
    console:
      'SageMaker Studio > Models > Registered models > Create model group; then register versions and set their ' +
      'status to Approved.',
    cli:
      'aws sagemaker create-model-package-group --model-package-group-name <group> && ' +
      'aws sagemaker update-model-package --model-package-arn <version-arn> --model-approval-status Approved ' +
      '--approval-description "<why>"',
  },
  references: [
    'ML Lens MLREL05-BP02',
    'ML Lens MLOPS02-BP04',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListModelPackages.html',
  ],
  // Groups first: account-level results only, so no per-resource errors of the first slice need reporting here.
  needs: ['modelPackageGroups', 'modelPackages', 'endpoints', 'models'],
  messages: {
    noRegistry: 'Region {region} hosts {endpoints} endpoint(s) but has no model package group.',
    noApprovedVersion:
      'Region {region} hosts {endpoints} endpoint(s); its {groups} model package group(s) hold no Approved version ' +
      'among those read, and no model is created from a registered version.',
  },
  evaluate: ({ modelPackageGroups, modelPackages, endpoints, models }, ctx) => {
    // An endpoint that could not be described still proves that its region hosts one.
    return ctx.regionsWith(endpoints, ['endpoints']).map((region) => {
      const account = ctx.accountResource(region);
      const read = endpoints.filter((ep) => ep.region === region).length;
      const endpointCount = read > 0 ? read : 'at least one';
      const groups = modelPackageGroups.filter((g) => g.region === region);
      const approved = modelPackages.filter((p) => p.region === region && p.approvalStatus === 'Approved');
      // Models built from versions count too: the registry may be a central one in another account.
      const fromRegistry = models.filter(
        (m) => m.region === region && m.containers.some((c) => Boolean(c.modelPackageName)),
      );
      const evidence = {
        Endpoints: endpointCount,
        ModelPackageGroups: groups.map((g) => g.name),
        ApprovedVersions: approved.map((p) => p.name),
        ModelsFromRegistry: fromRegistry.map((m) => m.name),
      };
      if (approved.length > 0 || fromRegistry.length > 0) return ctx.pass(account, evidence);
      // An approved version or a registered model might be among what could not be read.
      const gap =
        ctx.gap('modelPackageGroups', region) ?? ctx.gap('modelPackages', region) ?? ctx.gap('models', region);
      if (gap) return ctx.error(account, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
      if (groups.length === 0) return ctx.fail(account, 'noRegistry', { region, endpoints: endpointCount }, evidence);
      return ctx.fail(
        account,
        'noApprovedVersion',
        { region, endpoints: endpointCount, groups: groups.length },
        evidence,
      );
    });
  },
});
