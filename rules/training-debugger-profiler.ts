import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-debugger-profiler',
  title: 'Training jobs run SageMaker Debugger or the profiler',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['veracity-robustness'],
  pillars: ['performance', 'cost'],
  rationale:
    'Debugger rules catch vanishing gradients, overfitting and stalled loss while a job runs, and the profiler shows ' +
    'idle GPUs and I/O bottlenecks: problems that otherwise surface as a bad model or a large bill. Jobs launched by ' +
    'tuning or AutoML cannot configure Debugger and are not judged.',
  remediation: {
    summary:
      'Configure a DebugHookConfig with built-in DebugRuleConfigurations (LossNotDecreasing, Overfit, ' +
      'VanishingGradient), or leave the profiler on with ProfilerConfig (DisableProfiler false) and a ProfilerReport ' +
      'rule (SageMaker Python SDK: Estimator(rules=[...], profiler_config=ProfilerConfig(...))). Training jobs are ' +
      'immutable, so this applies to future jobs.',
    cli:
      'aws sagemaker create-training-job ... --debug-hook-config S3OutputPath=s3://<bucket>/debug/ ' +
      '--debug-rule-configurations RuleConfigurationName=LossNotDecreasing,RuleEvaluatorImage=<debugger-rules-image>,' +
      'RuleParameters={rule_to_invoke=LossNotDecreasing}',
  },
  references: [
    'ML Lens MLCOST06-BP04',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/train-debugger.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    noDebugger: 'Training job {name} runs without Debugger hooks, Debugger rules or the profiler.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      const evidence = {
        DebugHookConfig: job.debugHook,
        DebugRuleConfigurations: job.debugRuleCount,
        ProfilerEnabled: job.profilerEnabled,
      };
      if (job.debugHook || job.debugRuleCount > 0 || job.profilerEnabled) return ctx.pass(job, evidence);
      // HyperParameterTrainingJobDefinition and AutoML have no Debugger or profiler settings.
      if (job.tuningJobArn) return ctx.pass(job, { ...evidence, TuningJobArn: job.tuningJobArn, applicable: false });
      if (job.autoMlJobArn) return ctx.pass(job, { ...evidence, AutoMLJobArn: job.autoMlJobArn, applicable: false });
      return ctx.fail(job, 'noDebugger', {}, evidence);
    }),
});
