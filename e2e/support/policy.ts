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

export type HeaderList = { name: string; value: string }[]

/**
 * What is missing or wrong in a response's headers, measured against what the policy table gives
 * every response (lib/security/policy.mjs): HSTS, nosniff, the frame policy, and a
 * Content-Security-Policy with the base directives and exactly one script policy that never allows
 * inline scripts wholesale. Empty when all is well. Policies joined into one value by a client
 * (`a; b, c; d`) are split again: none of the site's sources contains a comma.
 */
export function siteHeaderProblems(headers: HeaderList): string[] {
  const get = (name: string) =>
    headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value)
  const problems: string[] = []
  if (get('x-content-type-options').join() !== 'nosniff') problems.push('no nosniff')
  if (get('x-frame-options').join() !== 'DENY') problems.push('no X-Frame-Options: DENY')
  if (!/max-age=\d+/.test(get('strict-transport-security').join()))
    problems.push('no Strict-Transport-Security')
  const policies = get('content-security-policy').flatMap((value) => value.split(','))
  if (directivesOf(policies, 'frame-ancestors').join() !== "frame-ancestors 'none'")
    problems.push("no frame-ancestors 'none'")
  if (directivesOf(policies, 'object-src').join() !== "object-src 'none'")
    problems.push("no object-src 'none'")
  const scripts = directivesOf(policies, 'script-src')
  if (scripts.length !== 1) problems.push(`${scripts.length} script policies, not one`)
  if (scripts.some((s) => s.includes("'unsafe-inline'")))
    problems.push("a script policy allows 'unsafe-inline'")
  return problems
}
