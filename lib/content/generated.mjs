// @ts-check
/**
 * Where Contentlayer's output lies and how the site reads it: each collection's `_index.json`
 * (scripts/content-build.mjs writes them), parsed at run time, never imported. Plain JavaScript so
 * that next.config.mjs (through redirects.mjs) and that script share it with lib/content/index.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** @param {string} [root] */
export const generatedDir = (root = process.cwd()) =>
  path.join(/* turbopackIgnore: true */ root, '.contentlayer/generated')

/**
 * @param {string} type a document type, e.g. `Review`
 * @param {string} [root]
 */
export const collectionFile = (type, root) =>
  path.join(/* turbopackIgnore: true */ generatedDir(root), type, '_index.json')

/**
 * @param {string} type
 * @param {string} [root]
 * @returns {unknown}
 */
export const readCollection = (type, root) =>
  JSON.parse(readFileSync(collectionFile(type, root), 'utf8'))
