import rule from '../../rules/pipeline-quality-gates.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { pipeline } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const REGISTER = { name: 'RegisterChurnModel-RegisterModel', type: 'RegisterModel' };
const TRAIN = { name: 'TrainModel', type: 'Training' };

runRuleTests(rule, {
  valid: [
    { name: 'QualityCheck and ClarifyCheck before RegisterModel', inventory: inventory({ pipelines: [pipeline()] }) },
    {
      name: 'a ClarifyCheck alone is a gate',
      inventory: inventory({
        pipelines: [pipeline({ steps: [TRAIN, { name: 'ModelBiasCheck', type: 'ClarifyCheck' }, REGISTER] })],
      }),
    },
    {
      name: 'pipelines that do not register models are not judged',
      inventory: inventory({
        pipelines: [
          pipeline(),
          pipeline({ name: 'pl-skip-batch-inference', steps: [{ name: 'Score', type: 'Transform' }] }),
          pipeline({ name: 'pl-skip-empty', steps: [] }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'RegisterModel with no check step',
      inventory: inventory({ pipelines: [pipeline(), pipeline({ name: 'pl-fail-ungated', steps: [TRAIN, REGISTER] })] }),
      failures: [{ resource: 'pl-fail-ungated', messageId: 'noQualityGate' }],
    },
    {
      name: 'a Condition on an evaluation metric alone is not a quality check',
      inventory: inventory({
        pipelines: [
          pipeline({
            name: 'pl-fail-condition-only',
            steps: [TRAIN, { name: 'Evaluate', type: 'Processing' }, { name: 'CheckAUC', type: 'Condition' }, REGISTER],
          }),
        ],
      }),
      failures: [{ resource: 'pl-fail-condition-only', messageId: 'noQualityGate' }],
    },
  ],
  error: [
    {
      name: 'the pipeline definition could not be parsed',
      inventory: inventory({ pipelines: [pipeline(), pipeline({ name: 'pl-error-unparsed', steps: undefined })] }),
      errors: ['pl-error-unparsed'],
    },
    {
      name: 'DescribePipeline failed for one pipeline',
      inventory: inventory({ pipelines: [pipeline()], errors: [describeError('pipelines', sagemakerArn('pipeline', 'pl-unreadable'))] }),
      errors: ['pl-unreadable'],
    },
    {
      name: 'ListPipelines denied: the scope is ERROR',
      inventory: inventory({ pipelines: [pipeline()], errors: [listError('pipelines')] }),
      errors: ['pipelines (us-east-1)'],
    },
  ],
});
