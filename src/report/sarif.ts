import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';
import type { Severity } from '../engine/taxonomy.js';
import type { RuleSummary, ScanReport } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub code scanning maps this string score to its critical/high/medium/low bands. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

function ruleHelpMarkdown(rule: RuleSummary): string {
  const lines = [`**${rule.title}**`, '', rule.rationale, '', '**Remediation**', '', rule.remediation.summary];
  if (rule.remediation.console) lines.push('', `Console: ${rule.remediation.console}`);
  if (rule.remediation.cli) lines.push('', '```sh', rule.remediation.cli, '```');
  lines.push('', '**References**', '', ...rule.references.map((r) => `- ${r}`));
  return lines.join('\n');
}

function ruleHelpText(rule: RuleSummary): string {
  const parts = [rule.rationale, `Remediation: ${rule.remediation.summary}`];
  if (rule.remediation.cli) parts.push(`CLI: ${rule.remediation.cli}`);
  return parts.join('\n\n');
}

function helpUri(rule: RuleSummary): Record<string, string> {
  const uri = rule.references.find((r) => r.startsWith('https://'));
  return uri ? { helpUri: uri } : {};
}

/**
 * A stable, scheme-free artifact path for a cloud resource. GitHub needs a physicalLocation on every result and
 * rejects URIs with a scheme, so the ARN itself (`arn:` is a scheme) only goes into logicalLocations.
 */
export function artifactUri(f: Finding): string {
  const type = f.resource.type.replace(/^AWS::/, '').replace(/::/g, '/').toLowerCase() || 'resource';
  const segment = (s: string): string => encodeURIComponent(s || '-');
  return `aws/${segment(f.account)}/${segment(f.region)}/${type}/${segment(f.resource.name)}`;
}

export function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.ruleId}|${f.resource.arn}`).digest('hex');
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: `${f.message} Resource: ${f.resource.arn}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(f) }, region: { startLine: 1 } },
        logicalLocations: [{ fullyQualifiedName: f.resource.arn, name: f.resource.name, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'mlauditResource/v1': fingerprint(f) },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: f.suppressed.source === 'config' ? 'external' : 'inSource',
              status: 'accepted',
              justification: f.suppressed.reason,
            },
          ],
        }
      : {}),
    properties: {
      account: f.account,
      region: f.region,
      resourceType: f.resource.type,
      phase: f.phase,
      dimensions: f.dimensions,
      ...(f.evidence ? { evidence: f.evidence } : {}),
    },
  };
}

/** SARIF 2.1.0: one rule entry per evaluated rule, one result per FAIL. */
export function renderSarif(report: ScanReport): string {
  const rules = report.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const automationId = `mlaudit/${report.scan.accounts.join('+') || 'account'}/${report.scan.regions.join('+') || 'region'}/`;
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlaudit',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              help: { text: ruleHelpText(r), markdown: ruleHelpMarkdown(r) },
              ...helpUri(r),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                tags: ['security', r.kind, r.phase, ...r.dimensions],
                'security-severity': SECURITY_SEVERITY[r.severity],
                precision: 'very-high',
              },
            })),
          },
        },
        automationDetails: { id: automationId },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.scan.startedAt,
            endTimeUtc: report.scan.finishedAt,
          },
        ],
        results: report.findings
          .filter((f) => f.status === 'FAIL')
          .map((f) => result(f, index.get(f.ruleId) ?? -1)),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
