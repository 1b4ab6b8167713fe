// Row hashes for duplicate-row over a block of text, in WebAssembly (row-hash.wat): the 64-bit
// multiplications it needs are one instruction there, where JavaScript takes two 32-bit lanes
// of Math.imul per pair of characters — about three times faster on a large CSV. A block known to
// be Latin-1 (read/utf8-text.ts says so) is copied one byte per character: half the bytes to copy
// and hash. The hash depends on the characters only, not on how the block was copied.
import { wasmBase64 } from './row-hash-wasm';

interface Exports {
  memory: WebAssembly.Memory;
  hash8(from: number, to: number): void;
  hash16(from: number, to: number, scratch: number): void;
}

/** Compiled once per thread; each hasher is an instance with its own memory. */
let compiled: WebAssembly.Module | null = null;

/** Bytes 0–7 of the memory hold the last hash; the text starts here. */
const TEXT_AT = 8;
const PAGE = 65536;

export class RowHasher {
  private readonly wasm: Exports;
  /** Views of the memory, made again when it grows (growing detaches the old buffer). */
  private bytes: Buffer;
  private lanes: Int32Array;
  /** The loaded text: one byte per character (Latin-1), or UTF-16 code units with room after them to narrow a row. */
  private latin1 = false;
  private scratch = 0;

  constructor() {
    compiled ??= new WebAssembly.Module(Buffer.from(wasmBase64, 'base64'));
    this.wasm = new WebAssembly.Instance(compiled).exports as unknown as Exports;
    this.bytes = Buffer.from(this.wasm.memory.buffer);
    this.lanes = new Int32Array(this.wasm.memory.buffer, 0, 2);
  }

  /**
   * Puts `text` in memory; offsets given to `hash` are then into it. `latin1`: every character of
   * `text` is at most U+00FF (else a character would lose its high byte).
   */
  load(text: string, latin1: boolean): void {
    this.latin1 = latin1;
    this.scratch = TEXT_AT + text.length * 2;
    const need = latin1 ? TEXT_AT + text.length : this.scratch + text.length;
    const mem = this.wasm.memory;
    // Grown with some room, so that a slightly longer next block does not grow it again.
    if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need * 1.25 - mem.buffer.byteLength) / PAGE));
    if (this.bytes.buffer !== mem.buffer) {
      this.bytes = Buffer.from(mem.buffer);
      this.lanes = new Int32Array(mem.buffer, 0, 2);
    }
    this.bytes.write(text, TEXT_AT, latin1 ? 'latin1' : 'utf16le');
  }

  /** The hash of characters [start, end) of the loaded text, as two 32-bit lanes into `out`. */
  hash(start: number, end: number, out: Int32Array): void {
    if (this.latin1) this.wasm.hash8(TEXT_AT + start, TEXT_AT + end);
    else this.wasm.hash16(TEXT_AT + start * 2, TEXT_AT + end * 2, this.scratch);
    out[0] = this.lanes[0];
    out[1] = this.lanes[1];
  }
}
