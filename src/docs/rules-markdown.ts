import { actionsNotAllowed, MANAGED_POLICIES } from '../aws/managed-policies.js';
import type { Rule } from '../engine/rule.js';
import { DIMENSION_LABELS, DIMENSIONS, PHASE_LABELS, PHASES } from '../engine/taxonomy.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/rules.md, generated from the rule metadata; a test fails when the committed file differs. */
export function renderRulesMarkdown(rules: readonly Rule[], actionsFor: (rule: Rule) => string[]): string {
  const sorted = [...rules].sort(
    (a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.id.localeCompare(b.id),
  );
  const out: string[] = [
    '# mlaudit rules',
    '',
    '<!-- Generated from the rule metadata in rules/. Do not edit: run `npm run docs`. -->',
    '',
    `${rules.length} rules. Severity is the default; \`kind: practice\` marks adoption advisories.`,
    '',
    '## Coverage by lifecycle phase and responsible-AI dimension',
    '',
    `| phase | ${DIMENSIONS.map((d) => DIMENSION_LABELS[d]).join(' | ')} |`,
    `|---|${DIMENSIONS.map(() => '---:').join('|')}|`,
    ...PHASES.map(
      (p) =>
        `| ${PHASE_LABELS[p]} | ${DIMENSIONS.map((d) => rules.filter((r) => r.phase === p && r.dimensions.includes(d)).length || '').join(' | ')} |`,
    ),
    '',
    '## Running under AWS managed policies',
    '',
    '`mlaudit policy` prints the least-privilege policy for the selected rules. Under an AWS managed policy instead, ' +
      'the calls it does not allow are denied: the rules below report ERROR for what they could not read (never PASS). ' +
      'Add the missing actions to run them.',
    ...MANAGED_POLICIES.flatMap((policy) => {
      const missing = [...new Set(rules.flatMap((r) => actionsNotAllowed(policy, actionsFor(r))))].sort();
      const losing = [...rules]
        .filter((r) => actionsNotAllowed(policy, actionsFor(r)).length > 0)
        .sort((a, b) => a.id.localeCompare(b.id));
      return [
        '',
        `### ${policy.name} (\`${policy.arn}\`, ${policy.version} of ${policy.updated})`,
        '',
        missing.length
          ? `Not allowed: ${missing.map((a) => `\`${a}\``).join(', ')}.`
          : 'Allows every action the rules need.',
        '',
        losing.length
          ? `Rules that lose data (${losing.length}): ${losing.map((r) => `[${r.id}](#${r.id})`).join(', ')}.`
          : 'No rule loses data.',
      ];
    }),
    '',
    '## Index',
    '',
    '| rule | severity | kind | phase | dimensions |',
    '|---|---|---|---|---|',
    ...sorted.map(
      (r) => `| [${r.id}](#${r.id}) | ${r.severity} | ${r.kind} | ${PHASE_LABELS[r.phase]} | ${r.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ')} |`,
    ),
  ];
  for (const phase of PHASES) {
    const inPhase = sorted.filter((r) => r.phase === phase);
    if (inPhase.length === 0) continue;
    out.push('', `## ${PHASE_LABELS[phase]}`);
    for (const r of inPhase) {
      out.push(
        '',
        `### ${r.id}`,
        '',
        `**${cell(r.title)}**`,
        '',
        `- Severity: ${r.severity} (${r.kind})`,
        `- Dimensions: ${r.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ')}`,
        ...(r.pillars?.length ? [`- Pillars: ${r.pillars.join(', ')}`] : []),
        `- Reads: ${r.needs.join(', ')}`,
        `- IAM actions: ${actionsFor(r).map((a) => `\`${a}\``).join(', ')}`,
        '',
        r.rationale,
        '',
        `**Fix:** ${r.remediation.summary}`,
        ...(r.remediation.console ? ['', `Console: ${r.remediation.console}`] : []),
        ...(r.remediation.cli ? ['', '```sh', r.remediation.cli, '```'] : []),
        ...(r.options && Object.keys(r.options).length
          ? ['', 'Options:', '', ...Object.entries(r.options).map(([k, v]) => `- \`${k}\`: default \`${JSON.stringify(v)}\``)]
          : []),
        '',
        'References:',
        '',
        ...r.references.map((ref) => (ref.startsWith('https://') ? `- <${ref}>` : `- ${ref}`)),
      );
    }
  }
  return `${out.join('\n')}\n`;
}
