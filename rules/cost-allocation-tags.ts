import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'cost-allocation-tags',
  title: 'SageMaker resources carry the required cost allocation tags',
  severity: 'low',
  kind: 'practice',
  phase: 'business-goal',
  dimensions: ['governance'],
  pillars: ['cost'],
  rationale:
    'Endpoints, notebooks, models and feature groups without owner and project tags cannot be attributed in Cost ' +
    'Explorer or budgets, nor traced to someone who can stop them. Option requiredTags (default ["project", ' +
    '"owner"]) lists the keys each resource must carry with a non-empty value; keys are case-sensitive, as cost ' +
    'allocation tags are.',
  remediation: {
    summary:
      'Add the missing tags to each resource, activate them as cost allocation tags in the Billing console, and ' +
      'enforce them with a tag policy or an SCP on sagemaker:Create* (aws:RequestTag).',
    console:
      'SageMaker AI console > (resource) > Tags > Edit; Billing and Cost Management > Cost allocation tags > Activate.',
    cli: 'aws sagemaker add-tags --resource-arn <arn> --tags Key=project,Value=<project> Key=owner,Value=<owner>',
  },
  references: [
    'ML Lens MLCOST06-BP01',
    'ML Lens MLCOST04-BP12',
    'Security Hub SageMaker.6',
    'Security Hub SageMaker.7',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/tagging.html',
    'https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html',
  ],
  // Resources whose ListTags failed are per-resource errors of this, the first slice: the engine reports them ERROR.
  needs: ['resourceTags'],
  options: { requiredTags: ['project', 'owner'] as string[] },
  messages: {
    missingTags: 'Resource {name} lacks the cost allocation tag(s) {missing}.',
  },
  evaluate: ({ resourceTags }, { pass, fail, options }) =>
    resourceTags.map((r) => {
      const missing = options.requiredTags.filter((key) => !(r.tags[key] ?? '').trim());
      const evidence = { TagKeys: Object.keys(r.tags).sort(), RequiredTags: [...options.requiredTags] };
      return missing.length === 0 ? pass(r, evidence) : fail(r, 'missingTags', { missing: missing.join(', ') }, evidence);
    }),
});
