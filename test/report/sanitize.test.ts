import { describe, expect, it } from 'vitest';
import { htmlEscape, markdownEscape, terminalSafe, truncate } from '../../src/util/sanitize.js';

describe('untrusted text', () => {
  it.each([
    ['ANSI colour', 'ep\u001b[31mred', 'ep\\u001b[31mred'],
    ['OSC title', 'a\u001b]0;pwned\u0007b', 'a\\u001b]0;pwned\\u0007b'],
    ['carriage return', 'ok\rFAKE PASS', 'ok\\u000dFAKE PASS'],
    ['newline', 'a\nb', 'a\\u000ab'],
    ['C1 CSI', 'x\u009b31my', 'x\\u009b31my'],
    ['bidi override', 'abc\u202edef', 'abc\\u202edef'],
    ['plain', 'my-endpoint_01', 'my-endpoint_01'],
  ])('terminalSafe neutralises %s', (_name, input, expected) => {
    const out = terminalSafe(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('escapes markup for HTML', () => {
    expect(htmlEscape('<script>alert("x")</script>&')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
  });

  it('escapes Markdown links, emphasis, pipes and HTML', () => {
    const out = markdownEscape('[click](https://evil) | *bold* <b>');
    expect(out).toBe('\\[click\\]\\(https:\u200b//evil\\) \\| \\*bold\\* &lt;b&gt;');
  });

  it('keeps entities whole: quotes and ampersands read as typed', () => {
    expect(markdownEscape(`it's "x" & y`)).toBe(`it's "x" &amp; y`);
    expect(markdownEscape('&#39;')).toBe('&amp;\\#\u200b39;');
  });

  it.each([
    ['a mention', '@octocat', '@\u200boctocat'],
    ['an issue reference', '#12', '\\#\u200b12'],
    ['a bare URL', 'see https://evil.example', 'see https:\u200b//evil.example'],
    ['a www link', 'www.evil.example', 'www.\u200bevil.example'],
    ['an S3 URI (never linked)', 's3://bucket/key', 's3://bucket/key'],
  ])('keeps %s from linking or notifying on GitHub', (_name, input, expected) => {
    expect(markdownEscape(input)).toBe(expected);
  });

  it('truncates very long names', () => {
    expect(truncate('x'.repeat(1000), 50)).toHaveLength(50);
    expect(truncate('short', 50)).toBe('short');
  });
});
