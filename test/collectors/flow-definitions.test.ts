import {
  DescribeFlowDefinitionCommand,
  ListFlowDefinitionsCommand,
  ResourceNotFound,
  type DescribeFlowDefinitionResponse,
  type FlowDefinitionSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { flowDefinitionsCollector, toFlowDefinition } from '../../src/inventory/collectors/flow-definitions.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('flow-definition', name);
const created = new Date('2025-02-14T16:20:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/A2IReviewers';

const summary = (name: string): FlowDefinitionSummary => ({
  FlowDefinitionName: name,
  FlowDefinitionArn: arn(name),
  FlowDefinitionStatus: 'Active',
  CreationTime: created,
});

/** A workflow for a custom model: no activation conditions, the application calls StartHumanLoop. */
const minimal = (name: string): DescribeFlowDefinitionResponse => ({
  FlowDefinitionArn: arn(name),
  FlowDefinitionName: name,
  FlowDefinitionStatus: 'Active',
  CreationTime: created,
  HumanLoopConfig: {
    WorkteamArn: 'arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/claims-reviewers',
    HumanTaskUiArn: 'arn:aws:sagemaker:us-east-1:111122223333:human-task-ui/claims-review',
    TaskTitle: 'Review the claim decision',
    TaskDescription: 'Check the model decision against the claim documents',
    TaskCount: 1,
  },
  OutputConfig: { S3OutputPath: 's3://ml-human-review/claims' },
  RoleArn: ROLE_ARN,
});

describe('toFlowDefinition', () => {
  it('maps a Textract workflow with activation conditions and an output key', () => {
    const textract: DescribeFlowDefinitionResponse = {
      ...minimal('fd-textract'),
      HumanLoopRequestSource: { AwsManagedHumanLoopRequestSource: 'AWS/Textract/AnalyzeDocument/Forms/V1' },
      HumanLoopActivationConfig: {
        HumanLoopActivationConditionsConfig: {
          HumanLoopActivationConditions: JSON.stringify({
            Conditions: [{ ConditionType: 'ImportantFormKeyConfidenceCheck', ConditionParameters: { ImportantFormKey: 'Total' } }],
          }),
        },
      },
      OutputConfig: { S3OutputPath: 's3://ml-human-review/textract', KmsKeyId: 'alias/ml-review' },
    };
    expect(toFlowDefinition(textract, REGION)).toEqual({
      arn: arn('fd-textract'),
      name: 'fd-textract',
      region: REGION,
      resourceType: 'AWS::SageMaker::FlowDefinition',
      tags: {},
      status: 'Active',
      creationTime: '2025-02-14T16:20:00.000Z',
      humanLoopActivation: true,
      awsManagedRequestSource: 'AWS/Textract/AnalyzeDocument/Forms/V1',
      outputS3Path: 's3://ml-human-review/textract',
      outputKmsKeyId: 'alias/ml-review',
      roleArn: ROLE_ARN,
    });
  });

  it('maps a custom-model workflow: no activation config, no output key', () => {
    expect(toFlowDefinition(minimal('fd-custom'), REGION)).toMatchObject({
      humanLoopActivation: false,
      awsManagedRequestSource: undefined,
      outputKmsKeyId: undefined,
    });
  });
});

describe('flowDefinitionsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(flowDefinitionsCollector.operations).toEqual(['sagemaker:ListFlowDefinitions', 'sagemaker:DescribeFlowDefinition']);
  });

  listDescribeSuite({
    collector: flowDefinitionsCollector,
    list: { command: ListFlowDefinitionsCommand, operation: 'ListFlowDefinitions', pageKey: 'FlowDefinitionSummaries' },
    describe: { command: DescribeFlowDefinitionCommand, operation: 'DescribeFlowDefinition', nameKey: 'FlowDefinitionName' },
    summary,
    output: minimal,
    arn,
    notFound: () => new ResourceNotFound({ message: 'Requested resource not found.', $metadata: { httpStatusCode: 400 } }),
  });
});
