import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'model-card-for-registered',
  title: 'Approved model versions have an approved model card',
  severity: 'medium',
  kind: 'practice',
  phase: 'problem-framing',
  dimensions: ['transparency', 'governance'],
  pillars: ['operational-excellence'],
  rationale:
    'A model card records what a model is for, what it must not be used for, how it was evaluated and its risk ' +
    'rating. An approved version without an approved card goes to production with none of that written down or ' +
    'signed off.',
  remediation: {
    summary:
      "Attach a model card to the version (the version's own ModelCard, or a model card whose model_package_details " +
      'name the version ARN), complete it, and set its status to Approved once reviewed.',
    console:
      'SageMaker Studio > Models > Registered models > (group) > (version) > Model card; or SageMaker AI console > ' +
      'Governance > Model cards > Create model card, choose the registered version, and set the status to Approved.',
    cli:
      'aws sagemaker update-model-package --model-package-arn <version-arn> ' +
      '--model-card \'{"ModelCardStatus":"Approved","ModelCardContent":"<json>"}\'; or ' +
      'aws sagemaker update-model-card --model-card-name <card> --model-card-status Approved',
  },
  references: [
    'ML Lens MLOPS02-BP02',
    'ML Lens MLOPS02-BP06',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-cards.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-details.html',
  ],
  // modelPackages first: the engine reports per-resource errors of the first slice only.
  needs: ['modelPackages', 'modelCards'],
  messages: {
    noModelCard: 'Approved version {name} has no model card.',
    cardNotApproved: 'Approved version {name} has model cards, none Approved ({cards}).',
  },
  evaluate: ({ modelPackages, modelCards }, ctx) =>
    modelPackages
      .filter((p) => p.approvalStatus === 'Approved')
      .map((p) => {
        const arn = p.arn.toLowerCase();
        const cards = modelCards.filter((c) => c.region === p.region && c.modelPackageArn?.toLowerCase() === arn);
        const evidence = {
          ModelCardStatus: p.modelCardStatus ?? null,
          ModelCards: cards.map((c) => `${c.name}: ${c.status}`),
        };
        if (p.modelCardStatus === 'Approved' || cards.some((c) => c.status === 'Approved')) {
          return ctx.pass(p, evidence);
        }
        // A card that could not be read might be the approved one.
        const gap = ctx.gap('modelCards', p.region);
        if (gap) return ctx.error(p, `Not evaluated: ${describeCollectionError(gap)}.`, evidence);
        const statuses = [
          ...(p.modelCardStatus ? [`embedded card: ${p.modelCardStatus}`] : []),
          ...cards.map((c) => `${c.name}: ${c.status}`),
        ];
        if (statuses.length === 0) return ctx.fail(p, 'noModelCard', {}, evidence);
        return ctx.fail(p, 'cardNotApproved', { cards: statuses.join(', ') }, evidence);
      }),
});
