import {
  ApplicationAutoScalingClient,
  ApplicationAutoScalingServiceException,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  type DescribeScalableTargetsResponse,
  type DescribeScalingPoliciesResponse,
  type ScalableTarget as AutoScalingTarget,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { scalableTargetsCollector, toScalableTarget } from '../../src/inventory/collectors/scalable-targets.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const REGION = 'us-east-1';
const aas = mockClient(ApplicationAutoScalingClient);
beforeEach(() => {
  aas.reset();
});
afterAll(() => {
  aas.restore();
});

const created = new Date('2025-03-04T10:00:00.000Z');
const ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`;
const INSTANCES = 'sagemaker:variant:DesiredInstanceCount';

const target = (endpoint: string, variant = 'AllTraffic', extra: Partial<AutoScalingTarget> = {}): AutoScalingTarget => ({
  ServiceNamespace: 'sagemaker',
  ResourceId: `endpoint/${endpoint}/variant/${variant}`,
  ScalableDimension: INSTANCES,
  MinCapacity: 2,
  MaxCapacity: 8,
  RoleARN: ROLE,
  CreationTime: created,
  SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
  ScalableTargetARN: `arn:aws:application-autoscaling:${REGION}:${ACCOUNT_ID}:scalable-target/0ec8${endpoint.length}a1b2c3d4e5f60718293a4b5c6d7e8f9`,
  ...extra,
});

const targetTracking = (endpoint: string, variant = 'AllTraffic'): ScalingPolicy => ({
  PolicyARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:scalingPolicy:0a1b2c3d:resource/sagemaker/endpoint/${endpoint}/variant/${variant}:policyName/${endpoint}-invocations`,
  PolicyName: `${endpoint}-invocations`,
  ServiceNamespace: 'sagemaker',
  ResourceId: `endpoint/${endpoint}/variant/${variant}`,
  ScalableDimension: INSTANCES,
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 70,
    PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
    ScaleInCooldown: 300,
    ScaleOutCooldown: 60,
  },
  Alarms: [{ AlarmName: `TargetTracking-endpoint/${endpoint}/variant/${variant}-AlarmHigh-1a2b`, AlarmARN: `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:high` }],
  CreationTime: created,
});

/** Serves pages chained by NextToken and records a snapshot of every input (the paginator mutates one object). */
function servePages<I extends { NextToken?: string }, O>(
  command: typeof DescribeScalableTargetsCommand | typeof DescribeScalingPoliciesCommand,
  pages: O[],
): Record<string, unknown>[] {
  const inputs: Record<string, unknown>[] = [];
  aas.on(command as typeof DescribeScalableTargetsCommand).callsFake((input: I) => {
    inputs.push({ ...input });
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('page-', ''));
    const page = pages[index];
    if (!page) throw new Error(`unexpected NextToken ${String(input.NextToken)}`);
    return { ...page, ...(index + 1 < pages.length ? { NextToken: `page-${index + 1}` } : {}) };
  });
  return inputs;
}

describe('toScalableTarget', () => {
  it('maps a variant target with the policies attached to it, and only those', () => {
    const item = toScalableTarget(
      target('churn-prod'),
      [targetTracking('churn-prod'), targetTracking('other-endpoint'), { ...targetTracking('churn-prod'), ScalableDimension: 'sagemaker:variant:DesiredProvisionedConcurrency' }],
      REGION,
      ACCOUNT_ID,
    );
    expect(item).toEqual({
      arn: target('churn-prod').ScalableTargetARN,
      name: 'endpoint/churn-prod/variant/AllTraffic',
      region: REGION,
      resourceType: 'AWS::ApplicationAutoScaling::ScalableTarget',
      tags: {},
      resourceId: 'endpoint/churn-prod/variant/AllTraffic',
      endpointName: 'churn-prod',
      variantName: 'AllTraffic',
      scalableDimension: INSTANCES,
      minCapacity: 2,
      maxCapacity: 8,
      scaleOutSuspended: false,
      policyNames: ['churn-prod-invocations'],
      policyTypes: ['TargetTrackingScaling'],
    });
  });

  it('gives a target without ScalableTargetARN a stable synthetic ARN, and reads a suspended scale-out', () => {
    const item = toScalableTarget(
      target('legacy', 'blue', { ScalableTargetARN: undefined, SuspendedState: { DynamicScalingOutSuspended: true } }),
      [],
      REGION,
      ACCOUNT_ID,
    );
    expect(item).toMatchObject({
      arn: `arn:aws:application-autoscaling:${REGION}:${ACCOUNT_ID}:scalable-target/sagemaker/endpoint/legacy/variant/blue/${INSTANCES}`,
      scaleOutSuspended: true,
      policyNames: [],
    });
  });

  it('leaves out inference-component targets', () => {
    const component = target('x', 'y', { ResourceId: 'inference-component/llama-ic', ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount' });
    expect(toScalableTarget(component, [], REGION, ACCOUNT_ID)).toBeUndefined();
  });
});

describe('scalableTargetsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(scalableTargetsCollector.operations).toEqual([
      'application-autoscaling:DescribeScalableTargets',
      'application-autoscaling:DescribeScalingPolicies',
    ]);
  });

  it('pages through both calls in the sagemaker namespace with MaxResults 50 and joins policies to targets', async () => {
    const targetInputs = servePages<{ NextToken?: string }, DescribeScalableTargetsResponse>(DescribeScalableTargetsCommand, [
      { ScalableTargets: [target('churn-prod'), target('fraud-staging')] },
      { ScalableTargets: [target('recsys', 'gpu')] },
    ]);
    const policyInputs = servePages<{ NextToken?: string }, DescribeScalingPoliciesResponse>(DescribeScalingPoliciesCommand, [
      { ScalingPolicies: [targetTracking('churn-prod')] },
      { ScalingPolicies: [targetTracking('recsys', 'gpu')] },
    ]);
    const { ctx } = collectorContext();
    const slice = await scalableTargetsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((t) => [t.resourceId, t.policyNames])).toEqual([
      ['endpoint/churn-prod/variant/AllTraffic', ['churn-prod-invocations']],
      ['endpoint/fraud-staging/variant/AllTraffic', []],
      ['endpoint/recsys/variant/gpu', ['recsys-invocations']],
    ]);
    expect(targetInputs).toEqual([
      { ServiceNamespace: 'sagemaker', MaxResults: 50, NextToken: undefined },
      { ServiceNamespace: 'sagemaker', MaxResults: 50, NextToken: 'page-1' },
    ]);
    expect(policyInputs).toEqual([
      { ServiceNamespace: 'sagemaker', MaxResults: 50, NextToken: undefined },
      { ServiceNamespace: 'sagemaker', MaxResults: 50, NextToken: 'page-1' },
    ]);
  });

  it('reports a denied DescribeScalableTargets as a region-wide error, with no items and no policy call', async () => {
    const message = notAuthorized('application-autoscaling:DescribeScalableTargets', '*');
    aas.on(DescribeScalableTargetsCommand).rejects(serviceError(ApplicationAutoScalingServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await scalableTargetsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'scalableTargets',
        region: REGION,
        operation: 'DescribeScalableTargets',
        action: 'application-autoscaling:DescribeScalableTargets',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
    expect(aas.commandCalls(DescribeScalingPoliciesCommand)).toHaveLength(0);
  });

  it('reports a denied DescribeScalingPolicies as a region-wide error and keeps the targets', async () => {
    servePages<{ NextToken?: string }, DescribeScalableTargetsResponse>(DescribeScalableTargetsCommand, [
      { ScalableTargets: [target('churn-prod')] },
    ]);
    const message = notAuthorized('application-autoscaling:DescribeScalingPolicies', '*');
    aas.on(DescribeScalingPoliciesCommand).rejects(serviceError(ApplicationAutoScalingServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await scalableTargetsCollector.collect(ctx, REGION);

    expect(slice.items.map((t) => t.resourceId)).toEqual(['endpoint/churn-prod/variant/AllTraffic']);
    expect(slice.errors).toEqual([
      {
        slice: 'scalableTargets',
        region: REGION,
        operation: 'DescribeScalingPolicies',
        action: 'application-autoscaling:DescribeScalingPolicies',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
  });

  it('does not ask for policies when no target is registered', async () => {
    servePages<{ NextToken?: string }, DescribeScalableTargetsResponse>(DescribeScalableTargetsCommand, [{ ScalableTargets: [] }]);
    const { ctx } = collectorContext();
    const slice = await scalableTargetsCollector.collect(ctx, REGION);

    expect(slice).toEqual({ items: [], errors: [] });
    expect(aas.commandCalls(DescribeScalingPoliciesCommand)).toHaveLength(0);
  });
});
