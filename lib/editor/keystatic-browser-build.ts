import path from 'node:path'

/**
 * Keystatic's Node build leaves out the MDX editor (it throws "unexpected call … React server
 * component environment"); saving runs in the browser. Tests and scripts that save like the
 * editor load the browser build, the same code the editor runs.
 */
export const KEYSTATIC_BROWSER_BUILD: Record<string, string> = {
  '@keystatic/core': 'node_modules/@keystatic/core/dist/keystatic-core.js',
  '@keystatic/core/content-components':
    'node_modules/@keystatic/core/dist/keystatic-core-content-components.js',
}

export const browserBuild = (specifier: string, root = process.cwd()) =>
  path.resolve(root, KEYSTATIC_BROWSER_BUILD[specifier] ?? specifier)
