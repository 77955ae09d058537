import { paginateDescribeAlarms, type Dimension, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { collectionError, type RegionalCollector } from '../collector.js';
import { isEndpointNamespace, type AlarmMetric, type CloudWatchAlarm } from '../model-monitoring.js';
import type { CollectionError } from '../model.js';
import { SLICES } from '../slices.js';

function dimensionMap(dimensions: readonly Dimension[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of dimensions ?? []) if (d.Name !== undefined && d.Value !== undefined) out[d.Name] = d.Value;
  return out;
}

export function toCloudWatchAlarm(a: MetricAlarm, region: string): CloudWatchAlarm {
  const metrics: AlarmMetric[] = [];
  // A plain alarm names its metric at the top level; a metric-math alarm lists the metrics its expression reads.
  if (a.MetricName !== undefined && a.Namespace !== undefined) {
    metrics.push({ namespace: a.Namespace, metricName: a.MetricName, dimensions: dimensionMap(a.Dimensions) });
  }
  for (const q of a.Metrics ?? []) {
    const m = q.MetricStat?.Metric;
    if (m?.MetricName === undefined || m.Namespace === undefined) continue;
    metrics.push({ namespace: m.Namespace, metricName: m.MetricName, dimensions: dimensionMap(m.Dimensions) });
  }
  return {
    arn: a.AlarmArn ?? '',
    name: a.AlarmName ?? '',
    region,
    resourceType: SLICES.cloudwatchAlarms.resourceType,
    tags: {},
    metrics,
    // ActionsEnabled defaults to true when the alarm is created without it.
    actionsEnabled: a.ActionsEnabled !== false,
    alarmActionCount: a.AlarmActions?.length ?? 0,
    stateValue: a.StateValue ?? 'Unknown',
  };
}

/**
 * Every metric alarm of the region is read, since DescribeAlarms cannot filter by namespace, and only those that
 * watch a SageMaker endpoint metric are kept. Composite alarms are not requested: they watch other alarms, and the
 * metric alarms underneath are the ones that name an endpoint metric.
 */
export const cloudwatchAlarmsCollector: RegionalCollector<'cloudwatchAlarms'> = {
  slice: 'cloudwatchAlarms',
  scope: 'regional',
  operations: ['cloudwatch:DescribeAlarms'],
  collect: async (ctx, region) => {
    const client = ctx.clients.get('cloudwatch', region);
    const items: CloudWatchAlarm[] = [];
    const errors: CollectionError[] = [];
    try {
      const pages = paginateDescribeAlarms({ client, pageSize: 100 }, { AlarmTypes: ['MetricAlarm'] });
      for await (const page of pages) {
        ctx.signal?.throwIfAborted();
        for (const alarm of page.MetricAlarms ?? []) {
          const item = toCloudWatchAlarm(alarm, region);
          if (item.metrics.some((m) => isEndpointNamespace(m.namespace))) items.push(item);
        }
      }
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      errors.push(collectionError(err, { slice: 'cloudwatchAlarms', region, service: 'cloudwatch', operation: 'DescribeAlarms' }));
    }
    return { items, errors };
  },
};
