/**
 * Renaming a slug must never break a link: every URL ever published is kept in
 * published-urls.txt, and each must still answer (a page, or a redirect to one).
 */
export function parseUrlHistory(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
}

export function checkUrlHistory(history: string[], live: Set<string>): string[] {
  return history.filter((url) => !live.has(url))
}

export function mergeUrlHistory(history: string[], live: Iterable<string>): string[] {
  return [...new Set([...history, ...live])].sort()
}

export const URL_HISTORY_HEADER =
  '# Every URL the site has published. Kept by the build; commit it. Never delete a line.\n'
