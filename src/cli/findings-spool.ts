import { closeSync, existsSync, openSync, readSync, unlinkSync } from 'node:fs';
import type { Finding } from '../engine/finding.js';
import { findingsText, type RenderedFindings } from '../report/json.js';
import { writeAll } from '../util/write-all.js';

/** Findings rendered at a time: a rule of a large estate has tens of thousands, and their text is kept short. */
const SLICE = 1000;
const READ_BYTES = 1 << 20;

/**
 * The JSON text of a scan's findings, set aside on disk as each rule is evaluated, until the summary that precedes
 * them in the report is known. This is what lets a scan of a large estate write its JSON report without holding
 * every finding in memory. The file is private to the process and removed by `dispose`.
 */
export class FindingsSpool {
  private fd: number | undefined;
  private count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx+', 0o600);
  }

  append(findings: readonly Finding[]): void {
    const fd = this.open();
    for (let i = 0; i < findings.length; i += SLICE) {
      const slice = findings.slice(i, i + SLICE);
      writeAll(fd, findingsText(slice, this.count));
      this.count += slice.length;
    }
  }

  /**
   * The findings appended so far, for `renderJsonChunks`; read again from the start each time it is iterated.
   * With `reuse`, every piece is read into the same buffer: only for a consumer that is done with a piece when it
   * asks for the next (a synchronous write to a file), not one that may keep it (an asynchronous stdout).
   */
  rendered(reuse: boolean): RenderedFindings {
    const fd = this.open();
    return {
      count: this.count,
      chunks: function* () {
        let position = 0;
        const shared = reuse ? Buffer.allocUnsafe(READ_BYTES) : undefined;
        for (;;) {
          const buffer = shared ?? Buffer.allocUnsafe(READ_BYTES);
          const read = readSync(fd, buffer, 0, READ_BYTES, position);
          if (read === 0) return;
          position += read;
          yield buffer.subarray(0, read);
        }
      },
    };
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (existsSync(this.path)) unlinkSync(this.path);
  }

  private open(): number {
    if (this.fd === undefined) throw new Error('findings spool used after dispose');
    return this.fd;
  }
}
