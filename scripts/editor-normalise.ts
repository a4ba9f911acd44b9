/**
 * `npm run editor:normalise`: writes every content file the way the browser editor saves it
 * (Keystatic's own field serialisers and MDX model, lib/editor/round-trip.ts), so that a later
 * save from the editor changes only what the editor changed. Meaning is unchanged (tested in
 * lib/editor/round-trip.test.ts). Safe to run again: a normalised file is left as it is.
 */
import { writeFileSync } from 'node:fs'
import { register } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { KEYSTATIC_BROWSER_BUILD } from '../lib/editor/keystatic-browser-build'

// Keystatic's Node build has no MDX editor: resolve it to the browser build the editor runs.
const targets = Object.fromEntries(
  Object.entries(KEYSTATIC_BROWSER_BUILD).map(([k, v]) => [k, pathToFileURL(path.resolve(v)).href]),
)
const hooks = `const targets = ${JSON.stringify(targets)};
export async function resolve(specifier, context, next) {
  return targets[specifier] ? { url: targets[specifier], shortCircuit: true } : next(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)

const { readContentFiles } = await import('../lib/content/check/files')
const { resave, COLLECTION_FOLDERS } = await import('../lib/editor/round-trip')
type Collection = Parameters<typeof resave>[0]
const isCollection = (name: string | undefined): name is Collection =>
  name !== undefined && Object.hasOwn(COLLECTION_FOLDERS, name)

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
let changed = 0
// The editor's collections only: the staff list (content/staff.yaml) is not edited in the browser.
const files = readContentFiles(contentDir, path.dirname(contentDir)).filter((file) =>
  isCollection(file.path.split('/')[1]),
)
for (const file of files) {
  const [, collection, name] = file.path.split('/')
  const slug = (name ?? '').replace(/\.(mdx|yaml)$/, '')
  const text = resave(collection as Collection, slug, file.text)
  if (text === file.text) continue
  writeFileSync(path.join(path.dirname(contentDir), file.path), text)
  changed++
}
console.log(`Normalised ${changed} of ${files.length} content files to the editor's style.`)
