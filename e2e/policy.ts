import { createHash } from 'node:crypto'
import type { APIResponse } from '@playwright/test'

/** Every Content-Security-Policy header of a response: the browser enforces each of them. */
export const policiesOf = (response: APIResponse) =>
  response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'content-security-policy')
    .map((h) => h.value)

/** The directives of that name across all of a response's policies. */
export const directivesOf = (policies: string[], name: string) =>
  policies.flatMap((p) => p.split(';').map((d) => d.trim())).filter((d) => d.split(' ')[0] === name)

/** The response's one script policy (the tests check there is exactly one). */
export const scriptPolicyOf = (response: APIResponse) =>
  directivesOf(policiesOf(response), 'script-src')[0] ?? ''

/** The text of each inline script a browser would run in the page: no src, not a JSON data block. */
export const inlineScripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attributes = '']) =>
        !/\ssrc=/.test(attributes) && !/type="application\/ld\+json"/.test(attributes),
    )
    .map(([, attributes = '', body = '']) => ({ attributes, body }))

export const sha256Source = (text: string) =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** What a cached page's script policy must be: this origin, and the hash of each of its inline scripts. */
export const expectedScriptPolicy = (html: string) =>
  ["script-src 'self'", ...new Set(inlineScripts(html).map((s) => sha256Source(s.body)))].join(' ')
