import { createHash } from 'node:crypto';
import { failingFindings } from '../engine/exit-code.js';
import type { Finding } from '../engine/finding.js';
import type { Evidence } from '../engine/rule.js';
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  PHASE_LABELS,
  PHASES,
  SEVERITIES,
  STATUSES,
  type Severity,
  type Status,
} from '../engine/taxonomy.js';
import { htmlEscape, truncate } from '../util/sanitize.js';
import type { BaselineFinding, UnknownReason } from './baseline.js';
import type { RuleSummary, ScanReport, StatusCounts } from './report.js';

export interface HtmlOptions {
  /** The --fail-on threshold, for the verdict at the top. */
  failOn: Severity | 'none';
}

/** Account-derived text, escaped and cut so one hostile value cannot flood the page. */
const h = (text: string, max = 500): string => htmlEscape(truncate(text, max));

const STYLE = `
:root { color-scheme: light; --fail: #b42318; --error: #b54708; --pass: #067647; --muted: #667085; --line: #eaecf0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828; margin: 0 auto; padding: 24px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; } h3 { font-size: 14px; margin: 12px 0 4px; }
.meta, .muted { color: var(--muted); }
[hidden] { display: none !important; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.card .n { font-size: 24px; font-weight: 600; display: block; }
.verdict { padding: 10px 14px; border-radius: 8px; border: 1px solid var(--line); margin: 12px 0; }
.verdict.bad { background: #fef3f2; border-color: #fecdca; } .verdict.good { background: #ecfdf3; border-color: #abefc6; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: #f9fafb; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 24px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.s-FAIL { background: #fee4e2; color: var(--fail); } .s-ERROR { background: #fef0c7; color: var(--error); } .s-PASS { background: #dcfae6; color: var(--pass); }
.sev-critical, .sev-high { color: var(--fail); font-weight: 600; } .sev-medium { color: var(--error); } .sev-low, .sev-info { color: var(--muted); }
.sup { background: #f2f4f7; color: #344054; } .new { background: #fee4e2; color: var(--fail); border: 1px solid #fecdca; }
.matrix td, .matrix th { text-align: center; }
.matrix th[scope=row] { text-align: left; }
.matrix button { width: 100%; border: 0; border-radius: 6px; padding: 6px 4px; cursor: pointer; font: inherit; }
.c-none { background: #f9fafb; color: #98a2b3; } .c-pass { background: #dcfae6; } .c-error { background: #fef0c7; } .c-fail { background: #fee4e2; font-weight: 600; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 12px; padding: 12px; background: #f9fafb; border-radius: 8px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #344054; gap: 2px; }
select, input, button.action { font: inherit; padding: 4px 6px; }
code, .arn { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
#findings-table td:last-child { width: 40%; min-width: 320px; }
details summary { cursor: pointer; }
.detail { padding: 8px 0 4px 12px; border-left: 3px solid var(--line); margin-top: 6px; }
.evidence th { width: 30%; font-weight: 500; background: transparent; }
.evidence td, .evidence th { padding: 2px 6px; font-size: 13px; }
pre { white-space: pre-wrap; word-break: break-all; background: #f9fafb; padding: 8px; border-radius: 6px; margin: 4px 0; }
ul.refs { margin: 4px 0; padding-left: 18px; }
@media print { form.filters, .no-print { display: none; } details > .detail { display: block; } body { padding: 0; } }
`;

// Plain JS, no dependencies: filters hide rows by their data attributes, a matrix cell sets phase and dimension.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr.finding'));
  var shown = document.getElementById('shown-count');
  var none = document.getElementById('no-match');
  var fields = ['severity', 'status', 'phase', 'dimension', 'region', 'account'];
  function value(name) { return form.elements[name].value; }
  function matches(d, f, text) {
    if (f.severity && d.severity !== f.severity) return false;
    if (f.status === 'suppressed') { if (d.suppressed !== 'yes') return false; }
    else if (f.status === 'FAIL-open') { if (d.status !== 'FAIL' || d.suppressed === 'yes') return false; }
    else if (f.status === 'FAIL-new') { if (d.baseline !== 'new') return false; }
    else if (f.status && d.status !== f.status) return false;
    if (f.phase && d.phase !== f.phase) return false;
    if (f.dimension && d.dimensions.split(' ').indexOf(f.dimension) < 0) return false;
    if (f.region && d.region !== f.region) return false;
    if (f.account && d.account !== f.account) return false;
    if (f.q && text.toLowerCase().indexOf(f.q) < 0) return false;
    return true;
  }
  function apply() {
    var f = { q: value('q').trim().toLowerCase() };
    fields.forEach(function (k) { f[k] = value(k); });
    var n = 0;
    rows.forEach(function (row) {
      var ok = matches(row.dataset, f, f.q ? row.textContent : '');
      row.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = String(n);
    none.hidden = n !== 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  Array.prototype.forEach.call(document.querySelectorAll('button[data-cell-phase]'), function (cell) {
    cell.addEventListener('click', function () {
      form.reset();
      form.elements.phase.value = cell.getAttribute('data-cell-phase');
      form.elements.dimension.value = cell.getAttribute('data-cell-dimension');
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  function openAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll('#findings-table details'), function (d) { d.open = open; });
  }
  document.getElementById('expand-all').addEventListener('click', function () { openAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { openAll(false); });
  window.addEventListener('beforeprint', function () { openAll(true); });
  apply();
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * No network at view time, and only our own script and style run: an injected tag would be inert even if escaping
 * ever failed somewhere.
 */
const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function statusBadge(f: Finding): string {
  const sup = f.suppressed ? ` <span class="badge sup" title="accepted risk">suppressed</span>` : '';
  const isNew = f.baseline === 'new' ? ` <span class="badge new" title="not a FAIL in the baseline">new</span>` : '';
  return `<span class="badge s-${f.status}">${f.status}</span>${isNew}${sup}`;
}

function countsTable<K extends string>(title: string, keys: readonly K[], labels: Record<K, string>, counts: Record<K, StatusCounts>): string {
  const rows = keys
    .map(
      (k) =>
        `<tr><th scope="row">${htmlEscape(labels[k])}</th><td class="num">${counts[k].FAIL}</td><td class="num">${counts[k].ERROR}</td><td class="num">${counts[k].PASS}</td></tr>`,
    )
    .join('\n');
  return `<table class="counts"><thead><tr><th>${htmlEscape(title)}</th><th class="num">FAIL</th><th class="num">ERROR</th><th class="num">PASS</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function matrix(report: ScanReport): string {
  const cells = new Map<string, StatusCounts>();
  for (const f of report.findings) {
    for (const d of f.dimensions) {
      const key = `${f.phase}|${d}`;
      const c = cells.get(key) ?? { FAIL: 0, ERROR: 0, PASS: 0 };
      c[f.status] += 1;
      cells.set(key, c);
    }
  }
  const head = DIMENSIONS.map((d) => `<th scope="col">${htmlEscape(DIMENSION_LABELS[d])}</th>`).join('');
  const body = PHASES.map((p) => {
    const tds = DIMENSIONS.map((d) => {
      const c = cells.get(`${p}|${d}`);
      const total = c ? c.FAIL + c.ERROR + c.PASS : 0;
      if (!c || total === 0) return `<td><span class="c-none" title="no rule results">–</span></td>`;
      const cls = c.FAIL ? 'c-fail' : c.ERROR ? 'c-error' : 'c-pass';
      const title = `${c.FAIL} FAIL, ${c.ERROR} ERROR, ${c.PASS} PASS`;
      return `<td><button type="button" class="${cls}" data-cell-phase="${p}" data-cell-dimension="${d}" title="${title}: show these results">${c.FAIL} / ${total}</button></td>`;
    }).join('');
    return `<tr><th scope="row">${htmlEscape(PHASE_LABELS[p])}</th>${tds}</tr>`;
  }).join('\n');
  return `<table class="matrix"><thead><tr><th>Phase \\ dimension</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>
<p class="muted">Each cell: FAIL results / all results of rules in that lifecycle phase and responsible-AI dimension (a rule with several dimensions counts in each). Click a cell to list them.</p>`;
}

function evidenceValue(v: Evidence[string]): string {
  if (v === null) return '<span class="muted">null</span>';
  if (Array.isArray(v)) return v.length ? v.map((x) => `<code>${h(x, 1000)}</code>`).join(', ') : '<span class="muted">(empty)</span>';
  return `<code>${h(String(v), 2000)}</code>`;
}

function evidenceTable(evidence: Evidence | undefined): string {
  const entries = Object.entries(evidence ?? {});
  if (!entries.length) return '<p class="muted">No observed values recorded.</p>';
  return `<table class="evidence">${entries.map(([k, v]) => `<tr><th scope="row">${h(k, 200)}</th><td>${evidenceValue(v)}</td></tr>`).join('')}</table>`;
}

function remediationBlock(rule: RuleSummary | undefined, fallback: string): string {
  if (!rule) return `<h3>Remediation</h3><p>${h(fallback, 4000)}</p>`;
  const parts = [`<h3>Why it matters</h3><p>${htmlEscape(rule.rationale)}</p>`, `<h3>Remediation</h3><p>${htmlEscape(rule.remediation.summary)}</p>`];
  if (rule.remediation.console) parts.push(`<p><strong>Console:</strong> ${htmlEscape(rule.remediation.console)}</p>`);
  if (rule.remediation.cli) parts.push(`<pre><code>${htmlEscape(rule.remediation.cli)}</code></pre>`);
  return parts.join('\n');
}

function findingRow(f: Finding, rules: Map<string, RuleSummary>, multiAccount: boolean): string {
  const rule = rules.get(f.ruleId);
  const suppression = f.suppressed
    ? `<p><strong>Suppressed</strong> (${f.suppressed.source === 'tag' ? 'resource tag' : 'config'}${f.suppressed.expires ? `, until ${h(f.suppressed.expires, 20)}` : ''}): ${h(f.suppressed.reason)}</p>`
    : '';
  const detail = [
    `<p class="arn">${h(f.resource.arn, 2048)}</p>`,
    suppression,
    `<h3>Evidence</h3>${evidenceTable(f.evidence)}`,
    f.status === 'PASS'
      ? `<p class="muted">Rule documentation: <a href="#rule-${htmlEscape(f.ruleId)}">${htmlEscape(f.ruleId)}</a></p>`
      : `${remediationBlock(rule, f.remediation)}<p class="muted">References: <a href="#rule-${htmlEscape(f.ruleId)}">${htmlEscape(f.ruleId)}</a></p>`,
  ].join('\n');
  const attrs = [
    `data-status="${f.status}"`,
    `data-suppressed="${f.suppressed ? 'yes' : 'no'}"`,
    ...(f.baseline ? [`data-baseline="${f.baseline}"`] : []),
    `data-severity="${f.severity}"`,
    `data-phase="${f.phase}"`,
    `data-dimensions="${f.dimensions.join(' ')}"`,
    `data-region="${htmlEscape(f.region)}"`,
    `data-account="${htmlEscape(f.account)}"`,
  ].join(' ');
  return `<tr class="finding" ${attrs}>
<td>${statusBadge(f)}</td>
<td class="sev-${f.severity}">${f.severity}</td>
<td><strong>${htmlEscape(f.ruleId)}</strong><br><span class="muted">${htmlEscape(f.title)}</span></td>
<td class="resource">${h(f.resource.name, 300)}<br><span class="muted">${h(f.resource.type, 100)}</span></td>
<td>${multiAccount ? `${h(f.account, 40)}<br>` : ''}${h(f.region, 40)}</td>
<td>${htmlEscape(PHASE_LABELS[f.phase])}<br><span class="muted">${f.dimensions.map((d) => htmlEscape(DIMENSION_LABELS[d])).join(', ')}</span></td>
<td><details><summary>${h(f.message, 1000)}</summary><div class="detail">${detail}</div></details></td>
</tr>`;
}

function optionList<T extends string>(all: string, values: readonly T[], label: (v: T) => string = (v) => v): string {
  return [`<option value="">${all}</option>`, ...values.map((v) => `<option value="${htmlEscape(v)}">${htmlEscape(label(v))}</option>`)].join('');
}

function filters(report: ScanReport): string {
  const newOption = report.baseline ? '<option value="FAIL-new">FAIL, new since the baseline</option>' : '';
  const regions = [...new Set(report.findings.map((f) => f.region))].sort();
  const accounts = [...new Set(report.findings.map((f) => f.account))].sort();
  const select = (name: string, label: string, opts: string): string =>
    `<label>${label}<select name="${name}">${opts}</select></label>`;
  return `<form id="filters" class="filters" role="search" aria-label="Filter results">
${select('severity', 'Severity', optionList('All severities', SEVERITIES))}
${select('status', 'Status', `<option value="">All statuses</option><option value="FAIL">FAIL</option><option value="FAIL-open">FAIL, not suppressed</option>${newOption}<option value="suppressed">FAIL, suppressed</option><option value="ERROR">ERROR</option><option value="PASS">PASS</option>`)}
${select('phase', 'Lifecycle phase', optionList('All phases', PHASES, (p) => PHASE_LABELS[p]))}
${select('dimension', 'Responsible-AI dimension', optionList('All dimensions', DIMENSIONS, (d) => DIMENSION_LABELS[d]))}
${select('region', 'Region', optionList('All regions', regions))}
${select('account', 'Account', optionList('All accounts', accounts))}
<label>Search<input type="search" name="q" placeholder="rule, resource, message"></label>
<button type="reset" class="action">Clear filters</button>
<button type="button" class="action" id="expand-all">Expand all</button>
<button type="button" class="action" id="collapse-all">Collapse all</button>
</form>`;
}

function rulesSection(report: ScanReport): string {
  return report.rules
    .map((r) => {
      const refs = r.references
        .map((ref) =>
          /^https:\/\/[^\s"'<>]+$/.test(ref)
            ? `<li><a href="${htmlEscape(ref)}" rel="noopener noreferrer">${htmlEscape(ref)}</a></li>`
            : `<li>${htmlEscape(ref)}</li>`,
        )
        .join('');
      return `<section class="rule" id="rule-${htmlEscape(r.id)}">
<h3>${htmlEscape(r.id)} <span class="sev-${r.severity}">${r.severity}</span></h3>
<p><strong>${htmlEscape(r.title)}</strong><br><span class="muted">${htmlEscape(PHASE_LABELS[r.phase])} · ${r.dimensions.map((d) => htmlEscape(DIMENSION_LABELS[d])).join(', ')} · ${htmlEscape(r.kind)}</span></p>
${remediationBlock(r, r.remediation.summary)}
${refs ? `<ul class="refs">${refs}</ul>` : ''}
</section>`;
    })
    .join('\n');
}

function errorsSection(report: ScanReport): string {
  if (!report.errors.length) return '';
  const rows = report.errors
    .map(
      (e) =>
        `<tr><td>${h(e.operation, 100)}</td><td>${h(e.account, 40)} / ${h(e.region, 40)}</td><td class="arn">${e.resourceArn ? h(e.resourceArn, 2048) : `all ${h(e.slice, 60)}`}</td><td>${h(e.code, 100)}<br><span class="muted">${h(e.message, 500)}</span></td><td>${e.kind === 'access-denied' ? `grant <code>${h(e.action, 100)}</code>` : h(e.kind, 40)}</td></tr>`,
    )
    .join('\n');
  return `<section id="errors"><h2>Could not read (${report.errors.length})</h2>
<p>Results that depend on these reads are ERROR, never PASS.</p>
<table><thead><tr><th>Operation</th><th>Account / region</th><th>Scope</th><th>Error</th><th>What to do</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function suppressionsSection(report: ScanReport): string {
  const expired = report.suppressions.expired;
  if (!report.summary.suppressed && !expired.length) return '';
  const rows = expired
    .map(
      (s) =>
        `<tr><td>${h(s.rule, 100)}</td><td class="arn">${h(s.resource, 2048)}</td><td>${h(s.reason)}</td><td>${h(s.expires ?? '-', 20)}</td></tr>`,
    )
    .join('\n');
  return `<section id="suppressions"><h2>Suppressions</h2>
<p>${report.summary.suppressed} FAIL result(s) suppressed as accepted risks: they stay FAIL but do not fail the run (filter Status → “FAIL, suppressed”).</p>
${expired.length ? `<h3>Expired, no longer applied (${expired.length})</h3><table><thead><tr><th>Rule</th><th>Resource</th><th>Reason</th><th>Expired</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : ''}
</section>`;
}

function baselineCards(report: ScanReport): string {
  if (!report.baseline) return '';
  const { counts } = report.baseline;
  return [
    `<div class="card"><span class="n">${counts.new}</span><span class="badge new">new</span></div>`,
    `<div class="card"><span class="n">${counts.unchanged}</span><span class="muted">unchanged</span></div>`,
    `<div class="card"><span class="n">${counts.fixed}</span><span class="muted">fixed</span></div>`,
  ].join('');
}

function verdict(report: ScanReport, failOn: Severity | 'none'): string {
  if (failOn === 'none') return `<p class="verdict">--fail-on none: findings do not fail the run.</p>`;
  const failing = failingFindings(report.findings, failOn).length;
  const since = report.baseline ? ' new since the baseline' : '';
  return failing
    ? `<p class="verdict bad"><strong>${failing}</strong> unsuppressed FAIL result(s)${since} at or above <strong>${failOn}</strong>: the run fails.</p>`
    : `<p class="verdict good">No unsuppressed FAIL${since} at or above <strong>${failOn}</strong>.</p>`;
}

function baselineRows(items: readonly (BaselineFinding & { reason?: UnknownReason })[]): string {
  return items
    .map(
      (b) =>
        `<tr><td class="sev-${b.severity}">${b.severity}</td><td><strong>${h(b.ruleId, 100)}</strong></td><td class="arn">${h(b.resource.arn, 2048)}</td><td>${h(b.account, 40)} / ${h(b.region, 40)}</td>${b.reason ? `<td>${b.reason === 'error' ? 'ERROR now' : 'not scanned this time'}</td>` : ''}</tr>`,
    )
    .join('\n');
}

function baselineSection(report: ScanReport): string {
  const baseline = report.baseline;
  if (!baseline) return '';
  const { counts } = baseline;
  const head = '<th>Severity</th><th>Rule</th><th>Resource</th><th>Account / region</th>';
  const unknown = baseline.unknown.length
    ? `<h3>Not checked (${counts.unknown})</h3>
<p>Baseline FAILs this run could not see: they are not counted as fixed.</p>
<table><thead><tr>${head}<th>Why</th></tr></thead><tbody>
${baselineRows(baseline.unknown)}
</tbody></table>`
    : '';
  return `<section id="baseline"><h2>Since baseline</h2>
<p>Compared with <code>${h(baseline.source, 300)}</code> (scan finished ${h(baseline.finishedAt, 40)}): <strong>${counts.new}</strong> new FAIL result(s), ${counts.unchanged} unchanged, <strong>${counts.fixed}</strong> fixed, ${counts.unknown} not checked. Only new FAILs count toward --fail-on (filter Status → “FAIL, new since the baseline”).</p>
<h3>Fixed since baseline (${counts.fixed})</h3>
${baseline.fixed.length ? `<table><thead><tr>${head}</tr></thead><tbody>\n${baselineRows(baseline.fixed)}\n</tbody></table>` : '<p>None.</p>'}
${unknown}
</section>`;
}

/**
 * One self-contained page for auditors: inline style and script, no requests at view time, every value from the
 * account escaped. Summary, phase × dimension matrix, filterable results with evidence, rationale and remediation.
 */
export function renderHtml(report: ScanReport, options: HtmlOptions): string {
  const { scan, summary } = report;
  const multiAccount = scan.accounts.length > 1;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const accounts = scan.accounts.map((a) => h(a, 40)).join(', ') || '-';
  const day = scan.finishedAt.slice(0, 10);
  const sevRows = SEVERITIES.map((s) => `<tr><th scope="row" class="sev-${s}">${s}</th><td class="num">${summary.failBySeverity[s]}</td></tr>`).join('');
  const statusCards = STATUSES.map(
    (s: Status) => `<div class="card"><span class="n">${summary.byStatus[s]}</span><span class="badge s-${s}">${s}</span></div>`,
  ).join('');
  const notes = scan.notes.length ? `<section id="scope"><h2>Scope</h2><ul>${scan.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>` : '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="mlaudit ${h(report.tool.version, 40)}">
<title>mlaudit report · ${accounts} · ${h(day, 10)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>mlaudit report</h1>
<p class="meta">${multiAccount ? 'Accounts' : 'Account'} ${accounts} · ${scan.regions.length > 1 ? 'regions' : 'region'} ${scan.regions.map((r) => h(r, 40)).join(', ') || '-'} · ${summary.rulesEvaluated} rules · scanned ${h(scan.startedAt, 40)} to ${h(scan.finishedAt, 40)} · mlaudit ${h(report.tool.version, 40)} · report schema ${h(report.schemaVersion, 10)}</p>
</header>
<section id="summary">
<h2>Summary</h2>
${verdict(report, options.failOn)}
<div class="cards" id="status-counts">${statusCards}<div class="card"><span class="n">${summary.suppressed}</span><span class="badge sup">suppressed</span></div><div class="card"><span class="n">${summary.total}</span><span class="muted">results</span></div>${baselineCards(report)}</div>
<div class="grid">
<div><h3>FAIL by severity</h3><table class="counts"><tbody>${sevRows}</tbody></table></div>
<div id="by-phase"><h3>By lifecycle phase</h3>${countsTable('Phase', PHASES, PHASE_LABELS, summary.byPhase)}</div>
<div id="by-dimension"><h3>By responsible-AI dimension</h3>${countsTable('Dimension', DIMENSIONS, DIMENSION_LABELS, summary.byDimension)}</div>
</div>
</section>
<section id="matrix">
<h2>Lifecycle phase × responsible-AI dimension</h2>
${matrix(report)}
</section>
<section id="findings">
<h2>Results</h2>
${filters(report)}
<noscript><p>Filters need JavaScript; every result is listed below.</p></noscript>
<p class="muted">Showing <span id="shown-count">${report.findings.length}</span> of ${report.findings.length} results. Open a result for its evidence, rationale and remediation.</p>
<table id="findings-table"><thead><tr><th>Status</th><th>Severity</th><th>Rule</th><th>Resource</th><th>${multiAccount ? 'Account / region' : 'Region'}</th><th>Phase / dimensions</th><th>Finding</th></tr></thead>
<tbody>
${report.findings.map((f) => findingRow(f, rules, multiAccount)).join('\n')}
</tbody></table>
<p id="no-match" hidden>No result matches these filters.</p>
</section>
${baselineSection(report)}
${suppressionsSection(report)}
${errorsSection(report)}
${notes}
<section id="rules"><h2>Rules evaluated (${report.rules.length})</h2>
${rulesSection(report)}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
