import { writeSync } from 'node:fs';

/** `writeSync` until all of it is written: it may write less than it was given (a full disk, a pipe). */
export function writeAll(fd: number, chunk: string | Uint8Array): void {
  let bytes: Uint8Array;
  if (typeof chunk === 'string') {
    // A string is encoded by the write itself, into memory freed at once. An encoded copy made here would be
    // garbage outside the JavaScript heap, a megabyte a piece, until the next full collection.
    const written = writeSync(fd, chunk);
    const length = Buffer.byteLength(chunk, 'utf8');
    if (written === length) return;
    bytes = Buffer.from(chunk, 'utf8').subarray(written);
  } else {
    bytes = chunk;
  }
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
