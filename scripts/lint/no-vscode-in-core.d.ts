// What `vscode` is inside src/core (src/core/tsconfig.json maps the module here): nothing, so that
// every use of the editor API in the engine fails to type-check. The engine runs in the worker
// and the CLI, where there is no editor.
export {};
