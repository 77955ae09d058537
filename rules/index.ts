import type { Rule } from '../src/engine/rule.js';

/** The explicit, sorted registry of every rule. A meta test checks it against the files in this folder. */
export const RULES: readonly Rule[] = [];
