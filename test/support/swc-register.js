// Lets a child process run the TypeScript sources directly (the crash and concurrency tests spawn
// real processes): compiles .ts with swc on require and resolves the @dh/* path aliases.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
// Worker threads started from the sources load them through this hook too (see the chain sweep).
process.env.DH_TS_REGISTER ??= __filename;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@dh/machines/')) request = path.join(root, 'machines', request.slice('@dh/machines/'.length));
  else if (/^@dh\/[a-z-]+$/.test(request)) request = path.join(root, 'libs', request.slice(4), 'src');
  return resolveFilename.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
