import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../engine/finding.js';
import { severityRank, type Severity } from '../engine/taxonomy.js';
import type { ReportError, RuleSummary, ScanReport } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What GitHub code scanning accepts in one upload; past these it rejects the whole file. */
export const GITHUB_LIMITS = {
  resultsPerRun: 25_000,
  gzippedBytes: 10 * 1024 * 1024,
  tagsPerRule: 20,
} as const;

/** Collection errors listed as tool notifications; past this the rest are counted in one line. */
const MAX_NOTIFICATIONS = 1000;

export interface SarifOptions {
  /** Defaults to GitHub's 25,000; tests lower it. */
  maxResults?: number;
  /** Defaults to GitHub's 10 MB, measured on the gzipped file. */
  maxGzippedBytes?: number;
}

/** A rendered report and what the CLI should say about it on stderr. */
export interface RenderedSarif {
  text: string;
  warnings: string[];
}

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
  if (rule.remediation.console) parts.push(`Console: ${rule.remediation.console}`);
  if (rule.remediation.cli) parts.push(`CLI: ${rule.remediation.cli}`);
  if (rule.references.length) parts.push(`References:\n${rule.references.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

function helpUri(rule: RuleSummary): Record<string, string> {
  const uri = rule.references.find((r) => r.startsWith('https://'));
  return uri ? { helpUri: uri } : {};
}

/**
 * GitHub shows `security-severity` only for rules tagged `security`; practice rules (adoption advisories) keep the
 * score for other SARIF viewers but are not tagged as security alerts. Tags are a set: duplicates fail the schema.
 */
function ruleTags(rule: RuleSummary): string[] {
  return [...new Set([rule.kind, rule.phase, ...rule.dimensions])].slice(0, GITHUB_LIMITS.tagsPerRule);
}

function pathSegment(s: string): string {
  // A bare `.` or `..` would be read as a relative step, not a name.
  if (s === '' || s === '.' || s === '..') return s.replace(/\./g, '%2E') || '-';
  return encodeURIComponent(s);
}

/**
 * A stable, scheme-free artifact path for a cloud resource. GitHub needs a physicalLocation on every result and
 * rejects URIs with a scheme, so the ARN itself (`arn:` is a scheme) only goes into logicalLocations.
 */
export function artifactUri(f: Finding): string {
  const type = f.resource.type.replace(/^AWS::/, '').split('::').map((t) => pathSegment(t.toLowerCase()));
  return ['aws', pathSegment(f.account), pathSegment(f.region), ...(type.length ? type : ['resource']), pathSegment(f.resource.name)].join('/');
}

export function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.ruleId}|${f.resource.arn}`).digest('hex');
}

function result(f: Finding, ruleIndex: number | undefined): Record<string, unknown> {
  const id = fingerprint(f);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    kind: 'fail',
    message: { text: `${f.message} Resource: ${f.resource.arn}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(f) }, region: { startLine: 1 } },
        logicalLocations: [{ fullyQualifiedName: f.resource.arn, name: f.resource.name, kind: 'resource' }],
      },
    ],
    // The artifact is not a file in the repository, so upload-sarif cannot hash its lines: we give GitHub the
    // line hash it would otherwise compute, derived from rule and ARN, and an explicit key of our own.
    partialFingerprints: { primaryLocationLineHash: `${id.slice(0, 16)}:1`, 'mlauditResource/v1': id },
    // SARIF wants it on every result or none: a baseline comparison marks every FAIL, and results are only FAILs.
    ...(f.baseline ? { baselineState: f.baseline } : {}),
    // Every FAIL was checked against the suppressions, and SARIF wants the property on all results or none: an empty
    // array says "checked, not suppressed".
    suppressions: f.suppressed
      ? [
          {
            // A config entry lives outside the resource; an owner's tag lives on it, like a source comment.
            kind: f.suppressed.source === 'config' ? 'external' : 'inSource',
            status: 'accepted',
            justification: f.suppressed.reason,
            ...(f.suppressed.expires ? { properties: { expires: f.suppressed.expires } } : {}),
          },
        ]
      : [],
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

function notification(e: ReportError): Record<string, unknown> {
  const scope = e.resourceArn ?? `all ${e.slice}`;
  return {
    level: 'warning',
    message: {
      text: `${e.operation} in ${e.account}/${e.region} failed for ${scope} (${e.code}: ${e.message}). Results that depend on it are ERROR, not PASS.`,
    },
    properties: { account: e.account, region: e.region, slice: e.slice, action: e.action, kind: e.kind, code: e.code },
  };
}

/**
 * Most severe first; among equals an unsuppressed FAIL before an accepted one, then report order. This is the order
 * in which results survive truncation.
 */
function byImportance(fails: readonly Finding[]): number[] {
  return fails
    .map((_f, i) => i)
    .sort((a, b) => {
      const fa = fails[a] as Finding;
      const fb = fails[b] as Finding;
      return (
        severityRank(fa.severity) - severityRank(fb.severity) ||
        Number(fa.suppressed !== undefined) - Number(fb.suppressed !== undefined) ||
        a - b
      );
    });
}

interface Truncation {
  total: number;
  kept: number;
  reasons: string[];
}

function buildLog(report: ScanReport, fails: readonly Finding[], truncation: Truncation | undefined): string {
  const rules = report.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const automationId = `mlaudit/${report.scan.accounts.join('+') || 'account'}/${report.scan.regions.join('+') || 'region'}/`;
  const notifications = report.errors.slice(0, MAX_NOTIFICATIONS).map(notification);
  if (report.errors.length > MAX_NOTIFICATIONS) {
    notifications.push({
      level: 'warning',
      message: { text: `${report.errors.length - MAX_NOTIFICATIONS} more collection errors: see the JSON report.` },
    });
  }
  if (truncation) {
    notifications.unshift({
      level: 'warning',
      message: {
        text: `Only the ${truncation.kept} most severe of ${truncation.total} FAIL results are included (${truncation.reasons.join('; ')}). The JSON report has them all.`,
      },
    });
  }
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
                tags: ruleTags(r),
                'security-severity': SECURITY_SEVERITY[r.severity],
                precision: 'very-high',
              },
            })),
          },
        },
        // GitHub treats everything before the last `/` as the analysis category: uploads for other accounts or
        // region sets are separate analyses and do not close each other's alerts.
        automationDetails: { id: automationId },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.scan.startedAt,
            endTimeUtc: report.scan.finishedAt,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: fails.map((f) => result(f, index.get(f.ruleId))),
        ...runProperties(report, truncation),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * The fixed baseline FAILs are counted here, not given as results with `baselineState: "absent"`: GitHub code
 * scanning ignores baselineState and would open (or keep open) an alert for each of them. It closes an alert by
 * itself when the next upload of the same category no longer has the result.
 */
function runProperties(report: ScanReport, truncation: Truncation | undefined): Record<string, unknown> {
  const properties = {
    ...(truncation ? { truncated: true, failResults: truncation.total, resultsIncluded: truncation.kept } : {}),
    ...(report.baseline ? { baseline: { source: report.baseline.source, ...report.baseline.counts } } : {}),
  };
  return Object.keys(properties).length ? { properties } : {};
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule entry per evaluated rule, one result per FAIL (suppressed ones with
 * SARIF `suppressions`), collection errors as tool notifications. Past GitHub's limits the least severe results are
 * left out, with a warning, so that the upload is not rejected whole.
 */
export function renderSarif(report: ScanReport, options: SarifOptions = {}): RenderedSarif {
  const maxResults = options.maxResults ?? GITHUB_LIMITS.resultsPerRun;
  const maxBytes = options.maxGzippedBytes ?? GITHUB_LIMITS.gzippedBytes;
  const fails = report.findings.filter((f) => f.status === 'FAIL');
  const ranked = byImportance(fails);
  const keep = (n: number): Finding[] =>
    ranked
      .slice(0, n)
      .sort((a, b) => a - b)
      .map((i) => fails[i] as Finding);

  const reasons: string[] = [];
  let kept = fails.length;
  if (kept > maxResults) {
    reasons.push(`GitHub accepts at most ${maxResults} results per run`);
    kept = maxResults;
  }
  const render = (n: number): string =>
    buildLog(report, n === fails.length ? fails : keep(n), n === fails.length ? undefined : { total: fails.length, kept: n, reasons });
  let text = render(kept);
  let size = gzipSync(text).length;
  if (size > maxBytes) {
    reasons.push(`GitHub accepts at most ${megabytes(maxBytes)} gzipped and the full file is ${megabytes(size)}`);
    // Results are about the same size, so scale down in proportion and shrink further until the file fits.
    while (size > maxBytes && kept > 0) {
      kept = Math.max(0, Math.min(kept - 1, Math.floor((kept * maxBytes * 0.95) / size)));
      text = render(kept);
      size = gzipSync(text).length;
    }
  }
  const warnings: string[] = [];
  if (size > maxBytes) {
    warnings.push(`SARIF is ${megabytes(size)} gzipped even without results, over the ${megabytes(maxBytes)} upload limit: select fewer rules.`);
  } else if (kept < fails.length) {
    const lowest = keep(kept).reduce<Severity | undefined>(
      (low, f) => (low === undefined || severityRank(f.severity) > severityRank(low) ? f.severity : low),
      undefined,
    );
    warnings.push(
      `SARIF truncated: ${reasons.join('; ')}. Kept the ${kept} most severe of ${fails.length} FAIL results` +
        `${lowest ? ` (down to ${lowest})` : ''} and left out ${fails.length - kept}; the JSON report has them all.`,
    );
  }
  return { text, warnings };
}
