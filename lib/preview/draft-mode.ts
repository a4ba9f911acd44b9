import { readFileSync } from 'node:fs'
import path from 'node:path'

let previewModeId: string | null | undefined

/**
 * Whether a Draft Mode cookie value is this build's: Next renders such a request as a preview. A
 * cookie from an older build, or a forged one, gets what any reader gets.
 */
export function isDraftModeCookie(value: string | undefined): boolean {
  if (!value) return false
  if (previewModeId === undefined) {
    try {
      const manifest = path.join(
        /* turbopackIgnore: true */ process.cwd(),
        process.env.NEXT_DIST_DIR || '.next',
        'prerender-manifest.json',
      )
      previewModeId = JSON.parse(readFileSync(manifest, 'utf8')).preview.previewModeId as string
    } catch {
      previewModeId = null
    }
  }
  return previewModeId === null || value === previewModeId
}

/** The Draft Mode cookie's value in a raw Cookie header. */
export function draftModeCookie(header: string | undefined): string | undefined {
  return /(?:^|;\s*)__prerender_bypass=([^;]*)/.exec(header ?? '')?.[1]
}
