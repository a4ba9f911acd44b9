import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { STILLS_PUBLIC_PATH } from './stills-path'

export const MAX_STILL_BYTES = 15 * 1024 * 1024

const KINDS: { ext: string; matches: (b: Uint8Array) => boolean }[] = [
  { ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  {
    ext: 'webp',
    matches: (b) =>
      String.fromCharCode(...b.slice(0, 4)) === 'RIFF' &&
      String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  },
]

/** A file name for the site: lower-case words and dashes, the extension from the bytes. */
export function stillFileName(original: string, ext: string): string {
  const stem =
    original
      .replace(/\.[^.]*$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'still'
  return `${stem}.${ext}`
}

export type StillUpload =
  { ok: true; src: string } | { ok: false; status: 400 | 413; error: string }

/**
 * Writes an uploaded still flat into public/images/stills/, never over an existing file
 * (a second upload of the same name gets -2, -3…).
 */
export async function saveStill(file: unknown, root = process.cwd()): Promise<StillUpload> {
  if (!(file instanceof File))
    return { ok: false, status: 400, error: 'Send the picture as the form field "file".' }
  if (file.size === 0) return { ok: false, status: 400, error: 'The file is empty.' }
  if (file.size > MAX_STILL_BYTES)
    return { ok: false, status: 413, error: 'The picture is larger than 15 MB.' }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = KINDS.find((k) => k.matches(bytes))
  if (!kind)
    return { ok: false, status: 400, error: 'Only JPEG, PNG and WebP pictures can be uploaded.' }
  const dir = path.join(root, 'public', STILLS_PUBLIC_PATH)
  const first = stillFileName(file.name, kind.ext)
  let name = first
  for (let n = 2; existsSync(path.join(dir, name)); n++)
    name = first.replace(/\.(\w+)$/, `-${n}.$1`)
  await writeFile(path.join(dir, name), bytes, { flag: 'wx' })
  return { ok: true, src: `${STILLS_PUBLIC_PATH}${name}` }
}
