/**
 * Reads a save from the editor (Keystatic's `{ additions, deletions }`, base64 contents) on
 * stdin and prints, as JSON, the content check's problems in the files it writes. Run by
 * /api/keystatic/update in a child process: the check needs contentlayer.config.ts, which
 * Next's bundler cannot take into a route.
 */
import { text } from 'node:stream/consumers'
import { problemsAfterSave, type SaveRequest } from '../lib/editor/save-check'

const save = JSON.parse(await text(process.stdin)) as SaveRequest
process.stdout.write(JSON.stringify(problemsAfterSave(save)))
