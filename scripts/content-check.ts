/** `npm run content:check`: validates all content without a Next build; the build runs it first. */
import path from 'node:path'
import { readContentFiles, publicImageExists } from '../lib/content/check/files'
import { checkContent, formatProblem } from '../lib/content/check/validate'

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
const files = readContentFiles(contentDir)
const problems = checkContent(files, {
  imageExists: publicImageExists(path.resolve('public')),
})

for (const p of problems) console.error(formatProblem(p))
if (problems.length > 0) {
  console.error(
    `\nContent check failed: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`,
  )
  process.exit(1)
}
console.log(`Content check passed: ${files.length} files.`)
