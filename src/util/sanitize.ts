/**
 * Names, tags and descriptions come from the scanned account and are untrusted: they must not be able to move
 * the cursor, recolour, hide text or inject markup in any report.
 */

// C0 and C1 controls (tab and newline included: a name never needs them), DEL, and bidi overrides.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For the terminal: every control character shown as inert \uXXXX text, so an ESC cannot start a sequence. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, visible);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function htmlEscape(text: string): string {
  return terminalSafe(text).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const ZWSP = '\u200b';

/**
 * For Markdown table cells and inline text (GitHub step summaries, PR comments): no links, emphasis, HTML or table
 * breaks from the account. Punctuation is backslash-escaped before `&<>` become entities, so an entity is never
 * broken by a backslash (`'` stays `'`, not a literal `&#39;`). GitHub also links bare URLs, `@user` (a
 * notification) and `#123` (a cross-reference on that issue) in text that is otherwise inert: a zero-width space
 * after `@`, `#`, `http(s):`, `ftp:` and `www.` keeps them plain text (`s3://` is never linked and stays as is).
 */
export function markdownEscape(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c)
    .replace(/@|#|\b(?:https?|ftp):(?=\/\/)|\bwww\./gi, (m) => `${m}${ZWSP}`);
}

/** Cuts long untrusted strings so one hostile name cannot flood a report. */
export function truncate(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
