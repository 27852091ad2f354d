// Starting a worker thread from a module's file, both where the server runs built (dist/api, .js
// entries beside the caller's) and where it runs from TypeScript sources (tests): there the
// worker compiles its modules with swc as it loads them, and takes @registry/domain from its
// sources too (tsconfig.base.json's path), as jest does: the package's built dist may be absent
// or older than the sources. The domain path is resolved from this file, so callers may sit at
// any depth.
import { extname, join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const TYPESCRIPT_WORKER = `
const { workerData } = require('node:worker_threads');
const Module = require('node:module');
const { transformFileSync } = require(require.resolve('@swc/core', { paths: [workerData.directory] }));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@registry/domain' ? workerData.domainSources : request, ...rest);
};
require.extensions['.ts'] = (module, filename) =>
  module._compile(transformFileSync(filename, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, filename);
require(workerData.entry);
`;

/** The running server's own extension: '.ts' under jest/swc, '.js' when built. */
const EXTENSION = extname(__filename);

/**
 * A worker running `<directory>/<name>.ts|.js` (pass the caller's __dirname) with workerData
 * `data` (plus the entry's own keys: entry, directory, domainSources).
 */
export function startWorker(directory: string, name: string, data: object, resourceLimits: ResourceLimits): Worker {
  const entry = join(directory, `${name}${EXTENSION}`);
  const workerData = { ...data, entry, directory, domainSources: join(__dirname, '../../../libs/domain/src/index.ts') };
  return EXTENSION === '.ts' ? new Worker(TYPESCRIPT_WORKER, { workerData, resourceLimits, eval: true }) : new Worker(entry, { workerData, resourceLimits });
}
