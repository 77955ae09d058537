import { defineRule } from '../src/engine/rule.js';

const GATE_TYPES: readonly string[] = ['QualityCheck', 'ClarifyCheck'];

/*
 * The check is on presence, not order: a step's position in the definition does not say when it runs (dependencies
 * come from DependsOn and from property references between steps), and a check step registered in the same pipeline
 * as RegisterModel is what supplies the version's metrics and drift baselines. A Condition step on an evaluation
 * metric alone does not count: it gates on one number and records no baseline or violation report.
 */
export default defineRule({
  id: 'pipeline-quality-gates',
  title: 'Pipelines that register models run data or model quality checks',
  severity: 'medium',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['fairness', 'veracity-robustness'],
  pillars: ['operational-excellence', 'reliability'],
  rationale:
    'A pipeline that registers models without a QualityCheck or ClarifyCheck step puts versions in the registry ' +
    'with no data-quality, model-quality or bias evidence, and with no baselines to detect drift against.',
  remediation: {
    summary:
      'Add QualityCheck (data or model quality) and ClarifyCheck (data bias, model bias or explainability) steps ' +
      'before the RegisterModel step, and pass their results to it as ModelMetrics and DriftCheckBaselines.',
    console: 'SageMaker Studio > Pipelines > (pipeline) > Edit in the visual designer > add Check data quality / Check bias steps.',
    cli:
      'aws sagemaker update-pipeline --pipeline-name <name> --pipeline-definition file://definition-with-checks.json',
  },
  references: [
    'ML Lens MLREL03-BP03',
    'ML Lens MLREL03-BP04',
    'ML Lens MLPERF04-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-steps-types.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines-quality-clarify-baseline-lifecycle.html',
  ],
  needs: ['pipelines'],
  messages: {
    noQualityGate: 'Pipeline {name} registers models ({steps}) without a QualityCheck or ClarifyCheck step.',
  },
  evaluate: ({ pipelines }, ctx) =>
    pipelines.flatMap((p) => {
      if (!p.steps) {
        return [ctx.error(p, 'Not evaluated: the pipeline definition returned by DescribePipeline could not be parsed.')];
      }
      const register = p.steps.filter((s) => s.type === 'RegisterModel');
      // Pipelines that do not register models are not judged.
      if (register.length === 0) return [];
      const gates = p.steps.filter((s) => GATE_TYPES.includes(s.type));
      const evidence = { RegisterModelSteps: register.map((s) => s.name), CheckSteps: gates.map((s) => `${s.name} (${s.type})`) };
      if (gates.length > 0) return [ctx.pass(p, evidence)];
      return [ctx.fail(p, 'noQualityGate', { steps: register.map((s) => s.name).join(', ') }, evidence)];
    }),
});
