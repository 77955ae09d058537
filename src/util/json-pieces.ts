/** Pieces handed to a writer are joined up to about this many characters. */
const PIECE_CHARS = 1 << 20;

const indent = (level: number): string => '  '.repeat(level);

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
export const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `JSON.stringify(value, null, 2)` of a value that stands `level` deep in a larger text laid out the same way. */
export function stringifyAt(value: unknown, level: number): string {
  // A JSON text holds no raw newline inside a string, so every newline of it starts a line.
  return JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${indent(level)}`) ?? 'null';
}

/**
 * The text of `stringifyAt(value, level)` in small parts: objects and arrays down to `expand` levels a member at
 * a time, what lies deeper whole.
 */
export function* jsonParts(value: unknown, expand: number, level: number): Generator<string> {
  const container =
    expand > 0 && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!container) {
    yield stringifyAt(value, level);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i += 1) {
      yield `${i > 0 ? ',' : ''}\n${indent(level + 1)}`;
      const item: unknown = value[i];
      if (skipped(item)) yield 'null';
      else yield* jsonParts(item, expand - 1, level + 1);
    }
    yield `\n${indent(level)}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !skipped(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i > 0 ? ',' : ''}\n${indent(level + 1)}${JSON.stringify(key)}: `;
    yield* jsonParts(v, expand - 1, level + 1);
  }
  yield `\n${indent(level)}}`;
}

/**
 * Small parts joined into pieces of about a megabyte; a part already in bytes is passed on as it is (after what was
 * joined before it).
 */
export function* joinedPieces<P extends string | Uint8Array>(parts: Iterable<P>): Generator<P | string> {
  let buffer = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      if (buffer) yield buffer;
      buffer = '';
      yield part;
      continue;
    }
    buffer += part;
    if (buffer.length >= PIECE_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * `JSON.stringify(value, null, 2)` in pieces of about a megabyte, for values too large to hold as one string (an
 * inventory of 50,000 resources is tens of megabytes). Objects and arrays down to `expand` levels are written a
 * member at a time; what lies deeper is stringified whole.
 */
export function jsonPieces(value: unknown, expand: number): Generator<string> {
  return joinedPieces(jsonParts(value, expand, 0));
}
