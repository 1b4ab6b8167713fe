// Layer boundaries, checked by `npm run lint` (docs/architecture.md, "Layers").
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle, type-only ones included: layers import downwards only.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-without-vscode',
      comment: 'src/core runs in the host, the worker and the CLI: it never imports vscode or the editor adapters.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(vscode$|node_modules/@types/vscode/|src/vscode/|src/extension\\.ts$)' },
    },
    {
      name: 'webview-without-host',
      comment: 'Webviews talk to the host through src/protocol only.',
      severity: 'error',
      from: { path: '^webview-ui/' },
      to: { path: '^(vscode$|node_modules/@types/vscode/|src/vscode/|src/extension\\.ts$)' },
    },
    {
      name: 'engine-without-rules',
      comment: 'The engine takes its rules as a parameter: it knows the rule contract and helpers, never a rule or the registry.',
      severity: 'error',
      from: { path: '^src/core/engine/' },
      to: { path: '^src/core/rules/', pathNot: '^src/core/rules/(rule\\.ts|lib/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
