import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { iamActions } from '../src/cli/rules-command.js';
import { renderRulesMarkdown } from '../src/docs/rules-markdown.js';

const PATH = 'docs/rules.md';

describe('docs/rules.md', () => {
  it('is generated from the current rule metadata (npm run docs regenerates it)', () => {
    const expected = renderRulesMarkdown(RULES, iamActions);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PATH, expected);
    expect(readFileSync(PATH, 'utf8')).toBe(expected);
  });
});
