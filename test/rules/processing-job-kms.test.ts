import rule from '../../rules/processing-job-kms.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { clarifyJob, processingJob } from '../support/builders-jobs.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'volume and output keys set', inventory: inventory({ processingJobs: [processingJob(), clarifyJob()] }) },
    {
      name: 'no S3 output to encrypt; NVMe instance storage cannot take a volume key',
      inventory: inventory({
        processingJobs: [
          processingJob({ name: 'pj-pass-no-outputs', outputKmsKeyId: undefined, s3OutputCount: 0 }),
          processingJob({ name: 'pj-pass-nvme', volumeKmsKeyId: undefined, instanceType: 'ml.m5d.2xlarge' }),
        ],
      }),
    },
    {
      // Their settings come from the monitoring job definition, the Debugger rule (no key setting) or the AutoML job.
      name: 'jobs SageMaker launched for a monitoring schedule, Debugger rules or AutoML are not judged',
      inventory: inventory({
        processingJobs: [
          processingJob(),
          processingJob({
            name: 'model-monitoring-202603011200-churn',
            volumeKmsKeyId: undefined,
            outputKmsKeyId: undefined,
            monitoringScheduleArn: sagemakerArn('monitoring-schedule', 'churn-data-quality'),
          }),
          processingJob({
            name: 'lossnotdecreasing-1a2b3c4d',
            volumeKmsKeyId: undefined,
            outputKmsKeyId: undefined,
            trainingJobArn: sagemakerArn('training-job', 'tj-pass'),
          }),
          processingJob({
            name: 'automl-dpp-churn-1',
            volumeKmsKeyId: undefined,
            autoMlJobArn: sagemakerArn('automl-job', 'automl-pass'),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing volume key, output key, or both',
      inventory: inventory({
        processingJobs: [
          processingJob(),
          processingJob({ name: 'pj-fail-no-volume-key', volumeKmsKeyId: undefined }),
          processingJob({ name: 'pj-fail-no-output-key', outputKmsKeyId: undefined, s3OutputCount: 3 }),
          clarifyJob({ name: 'clarify-fail-no-keys', volumeKmsKeyId: undefined, outputKmsKeyId: undefined, region: OTHER_REGION }),
        ],
      }),
      failures: [
        { resource: 'pj-fail-no-volume-key', messageId: 'noVolumeKey' },
        { resource: 'pj-fail-no-output-key', messageId: 'noOutputKey' },
        { resource: 'clarify-fail-no-keys', messageId: 'noKeys' },
      ],
    },
    {
      name: 'an NVMe job still needs its output key; a job with no instance type needs a volume key',
      inventory: inventory({
        processingJobs: [
          processingJob({ name: 'pj-fail-nvme-no-output', volumeKmsKeyId: undefined, instanceType: 'ml.g5.xlarge', outputKmsKeyId: undefined }),
          processingJob({ name: 'pj-fail-unknown-type', volumeKmsKeyId: undefined, instanceType: undefined }),
        ],
      }),
      failures: [
        { resource: 'pj-fail-nvme-no-output', messageId: 'noOutputKey' },
        { resource: 'pj-fail-unknown-type', messageId: 'noVolumeKey' },
      ],
    },
  ],
  error: [
    {
      name: 'ListProcessingJobs denied in one region: the scope is ERROR, jobs read keep their verdicts',
      inventory: inventory({
        processingJobs: [processingJob(), processingJob({ name: 'pj-fail-no-volume-key', volumeKmsKeyId: undefined })],
        errors: [listError('processingJobs')],
      }),
      errors: ['processingJobs (us-east-1)'],
      failures: [{ resource: 'pj-fail-no-volume-key', messageId: 'noVolumeKey' }],
    },
    {
      name: 'DescribeProcessingJob failed for one job',
      inventory: inventory({
        processingJobs: [processingJob()],
        errors: [describeError('processingJobs', sagemakerArn('processing-job', 'pj-unreadable'))],
      }),
      errors: ['pj-unreadable'],
    },
  ],
});
