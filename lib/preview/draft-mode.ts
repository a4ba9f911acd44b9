import { readFileSync } from 'node:fs'
import path from 'node:path'
import { distDir } from '@/lib/dist-dir'

/**
 * The name of Next's Draft Mode cookie (`proxy.ts` spells it out too: its matcher must be a
 * literal).
 */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

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
        distDir(),
        'prerender-manifest.json',
      )
      previewModeId = JSON.parse(readFileSync(manifest, 'utf8')).preview.previewModeId as string
    } catch {
      previewModeId = null
    }
  }
  return previewModeId === null || value === previewModeId
}

const IN_HEADER = new RegExp(`(?:^|;\\s*)${DRAFT_MODE_COOKIE}=([^;]*)`)

/** The Draft Mode cookie's value in a raw Cookie header. */
export function draftModeCookie(header: string | undefined): string | undefined {
  return IN_HEADER.exec(header ?? '')?.[1]
}
