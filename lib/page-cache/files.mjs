// @ts-check
/**
 * The file system and paths, for the page cache's modules. The file tracer behind `next build`
 * reads a path it cannot work out (a `path.join` of a folder known only at run time, a file-system
 * call on one) as a pattern over the calling module's folder or the project's, and copies every
 * match, sources and tests, into a standalone build. The files these modules touch are made at
 * build or run time and none needs copying, so they reach them through handles the tracer does
 * not follow (`e2e/standalone.spec.ts` checks the folder).
 */
const fs = /** @type {typeof import('node:fs/promises')} */ (
  process.getBuiltinModule('node:fs/promises')
)
const paths = /** @type {typeof import('node:path')} */ (process.getBuiltinModule('node:path'))

export const { mkdir, readFile, readdir, rename, rm, writeFile } = fs
export const { basename, dirname, join, resolve } = paths
