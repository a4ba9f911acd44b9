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
export const scriptPolicyOf = (response: APIResponse) => directivesOf(policiesOf(response), 'script-src')[0] ?? ''
