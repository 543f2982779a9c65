// A writable that keeps what it is given until released, then passes everything straight through.
import { Writable } from 'node:stream';

/**
 * Output kept in memory until {@link HeldOutput.release}, then passed straight through. It never
 * pushes back: a stream that did would stop Astro writing its log, and so stop the build.
 */
export class HeldOutput extends Writable {
  #target: Writable;
  #held: Array<string | Buffer> | undefined = [];

  constructor(target: Writable) {
    super();
    this.#target = target;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.#held) this.#held.push(chunk);
    else this.#target.write(chunk);
    done();
  }

  /** Writes what was held and everything after it to the target. */
  release(): void {
    for (const chunk of this.#held ?? []) this.#target.write(chunk);
    this.#held = undefined;
  }
}
