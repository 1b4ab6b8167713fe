// The part of the WebAssembly JS API the row hasher uses. Node has it at run time, but its types
// come with the DOM lib, which the engine does not load (src/core/tsconfig.json).
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: BufferSource);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, unknown>);
    readonly exports: Record<string, unknown>;
  }
}
