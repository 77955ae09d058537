import {
  DescribeModelCardCommand,
  ListModelCardsCommand,
  ResourceNotFound,
  type DescribeModelCardResponse,
  type ModelCardSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { modelCardReferences, modelCardsCollector, toModelCard } from '../../src/inventory/collectors/model-cards.js';
import { collectorContext } from '../support/collector-context.js';
import { ACCOUNT, listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('model-card', name);
const created = new Date('2025-07-01T09:00:00.000Z');
const modified = new Date('2025-07-03T16:20:00.000Z');
const PACKAGE_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`;
const MODEL_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-xgb-model`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const summary = (name: string): ModelCardSummary => ({
  ModelCardName: name,
  ModelCardArn: arn(name),
  ModelCardStatus: 'Approved',
  CreationTime: created,
  LastModifiedTime: modified,
});

/** Content as DescribeModelCard returns it with IncludedData=MetadataOnly: only the preserved paths. */
const metadataContent = JSON.stringify({
  model_overview: { model_id: MODEL_ARN, model_name: 'churn-xgb-model' },
  intended_uses: { risk_rating: 'Medium' },
  model_package_details: { model_package_group_name: 'churn', model_package_arn: PACKAGE_ARN },
});

const output = (name: string): DescribeModelCardResponse => ({
  ModelCardArn: arn(name),
  ModelCardName: name,
  ModelCardVersion: 2,
  Content: metadataContent,
  ModelCardStatus: 'Approved',
  SecurityConfig: { KmsKeyId: KEY_ARN },
  CreationTime: created,
  CreatedBy: { UserProfileName: 'ml-lead', DomainId: 'd-churnstudio01' },
  LastModifiedTime: modified,
  LastModifiedBy: { UserProfileName: 'ml-lead', DomainId: 'd-churnstudio01' },
});

describe('toModelCard', () => {
  it('maps status, version, key and the references in the content, never the content itself', () => {
    const card = toModelCard(output('churn-card'), REGION);
    expect(card).toEqual({
      arn: arn('churn-card'),
      name: 'churn-card',
      region: REGION,
      resourceType: 'AWS::SageMaker::ModelCard',
      tags: {},
      status: 'Approved',
      version: 2,
      kmsKeyId: KEY_ARN,
      modelPackageArn: PACKAGE_ARN,
      modelId: MODEL_ARN,
      modelName: 'churn-xgb-model',
      creationTime: '2025-07-01T09:00:00.000Z',
      lastModifiedTime: '2025-07-03T16:20:00.000Z',
    });
    expect(JSON.stringify(card)).not.toContain('risk_rating');
  });

  it('reads a card without a key or references', () => {
    const card = toModelCard(
      { ...output('draft-card'), ModelCardStatus: 'Draft', SecurityConfig: undefined, Content: '{}' },
      REGION,
    );
    expect(card.status).toBe('Draft');
    expect(card).not.toHaveProperty('kmsKeyId');
    expect(card).not.toHaveProperty('modelPackageArn');
    expect(card).not.toHaveProperty('modelId');
  });
});

describe('modelCardReferences', () => {
  it('reads content defensively: malformed JSON, wrong shapes and empty strings give no reference', () => {
    expect(modelCardReferences(undefined)).toEqual({});
    expect(modelCardReferences('{not json')).toEqual({});
    expect(modelCardReferences('[]')).toEqual({});
    expect(modelCardReferences(JSON.stringify({ model_package_details: 'churn/3', model_overview: [] }))).toEqual({});
    expect(modelCardReferences(JSON.stringify({ model_package_details: { model_package_arn: '' } }))).toEqual({});
    expect(modelCardReferences(JSON.stringify({ model_overview: { model_id: 42, model_name: 'churn' } }))).toEqual({
      modelName: 'churn',
    });
  });
});

const cardCase: ListDescribeCase<'modelCards', ModelCardSummary, DescribeModelCardResponse> = {
  collector: modelCardsCollector,
  list: { command: ListModelCardsCommand, operation: 'ListModelCards', pageKey: 'ModelCardSummaries' },
  describe: { command: DescribeModelCardCommand, operation: 'DescribeModelCard', nameKey: 'ModelCardName' },
  summary,
  output,
  arn,
  notFound: () => new ResourceNotFound({ message: 'Model card not found', $metadata: { httpStatusCode: 400 } }),
};

describe('modelCardsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(modelCardsCollector.operations).toEqual(['sagemaker:ListModelCards', 'sagemaker:DescribeModelCard']);
  });

  listDescribeSuite(cardCase);

  it('describes with IncludedData=MetadataOnly, so a card under a customer-managed key needs no kms:Decrypt', async () => {
    serveListDescribe(cardCase, [['churn-card']]);
    const { ctx } = collectorContext();
    await modelCardsCollector.collect(ctx, REGION);

    expect(sagemakerMock.commandCalls(DescribeModelCardCommand).map((c) => c.args[0].input)).toEqual([
      { ModelCardName: 'churn-card', IncludedData: 'MetadataOnly' },
    ]);
  });
});
