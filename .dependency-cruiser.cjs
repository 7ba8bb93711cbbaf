// The layers of src/, bottom to top, and which may import which. `npm run lint` runs this.
//   base/      errors, request and auth interfaces, catalog, validation, URLs: imports only itself
//   session/   the request pipeline: base/
//   auth/      the login methods: base/
//   transfer/  hashing and checksum-verified streams: base/
//   resource/  list/get/find/create/update/delete/wait and paging on top of a session: base/, session/
//   config/    clouds.yaml and OS_* variables to options: base/, the Connection's options type
//   plugin.ts, connection.ts: the above
//   services/  one folder per service: the layers above; another service only as a type
//   node/ and the entry files: anything
const layer = (name, allowed) => ({
  name: `${name}-layer`,
  comment: `src/${name}/ may import only ${allowed.length ? allowed.map((a) => `src/${a}/`).join(', ') : 'itself'} besides itself`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles make load order fragile and defeat lazy chunks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    layer('base', []),
    layer('session', ['base']),
    layer('auth', ['base']),
    layer('transfer', ['base']),
    layer('resource', ['base', 'session']),
    {
      ...layer('config', ['base']),
      comment: 'src/config/ turns clouds.yaml into Connection options: base/ and the options type',
      to: { path: '^src/', pathNot: ['^src/config/', '^src/base/', '^src/connection\\.ts$'] },
    },
    {
      name: 'plugin-connection-layer',
      comment: 'The Connection and the plugin interface sit below the services and the entries.',
      severity: 'error',
      from: { path: '^src/(plugin|connection)\\.ts$' },
      to: { path: '^src/(services|node|resource|transfer|config)/|^src/(index|core|core-exports)\\.ts$' },
    },
    {
      name: 'services-layer',
      comment: 'A service builds on the shared layers; it reaches another service through ctx.service(), importing only its types.',
      severity: 'error',
      from: { path: '^src/services/([^/]+)/' },
      to: {
        path: '^src/',
        pathNot: ['^src/services/$1/', '^src/(base|session|auth|transfer|resource)/', '^src/plugin\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-without-node',
      comment: 'The core runs on the web platform alone; the Node entry is never imported by it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/node/' },
      to: { path: '^src/node/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
