import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'registry-package-metrics',
  title: 'Approved model versions carry quality and bias metrics',
  severity: 'medium',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['fairness', 'veracity-robustness', 'transparency'],
  pillars: ['operational-excellence'],
  rationale:
    'An approved version is what gets deployed; the metrics registered with it are the evidence it was fit to be. ' +
    'Without model or data quality metrics and a bias report, reviewers approved it blind, and monitors have no ' +
    'baseline to compare production with. Options: requireExplainability and requireDriftCheckBaselines (both ' +
    'false by default) also require an explainability report and drift-check baselines.',
  remediation: {
    summary:
      'Register versions with ModelMetrics: ModelQuality (or ModelDataQuality) statistics/constraints and a Bias ' +
      'report, e.g. from QualityCheck and ClarifyCheck pipeline steps; versions are immutable in this respect, so ' +
      'register a new version with the metrics and approve that one instead.',
    console:
      'SageMaker Studio > Models > Registered models > (group) > (version) > Model quality / Explainability / Bias ' +
      'tabs show what was registered.',
    cli:
      'aws sagemaker create-model-package --model-package-group-name <group> ' +
      '--inference-specification file://inference.json --model-metrics file://model-metrics.json ' +
      '--drift-check-baselines file://drift-baselines.json --model-approval-status PendingManualApproval',
  },
  references: [
    'ML Lens MLREL03-BP03',
    'ML Lens MLREL03-BP04',
    'ML Lens MLPERF04-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-details.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelMetrics.html',
  ],
  needs: ['modelPackages'],
  options: { requireExplainability: false, requireDriftCheckBaselines: false },
  messages: {
    missingMetrics: 'Approved version {name} is registered without {missing}.',
  },
  evaluate: ({ modelPackages }, { pass, fail, options }) =>
    modelPackages
      .filter((p) => p.approvalStatus === 'Approved')
      .map((p) => {
        const m = p.modelMetrics;
        const missing = [
          ...(m.modelQuality || m.modelDataQuality ? [] : ['ModelQuality or ModelDataQuality metrics']),
          ...(m.bias ? [] : ['a Bias report']),
          ...(options.requireExplainability && !m.explainability ? ['an Explainability report'] : []),
          ...(options.requireDriftCheckBaselines && !p.driftCheckBaselines ? ['DriftCheckBaselines'] : []),
        ];
        const evidence = {
          ModelQuality: m.modelQuality,
          ModelDataQuality: m.modelDataQuality,
          Bias: m.bias,
          Explainability: m.explainability,
          DriftCheckBaselines: p.driftCheckBaselines,
        };
        if (missing.length === 0) return pass(p, evidence);
        return fail(p, 'missingMetrics', { missing: missing.join(', ') }, evidence);
      }),
});
