import { site } from '@/lib/site'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A plain, self-contained HTML page for responses that must not render site content. */
export function refusalPage(status: number, title: string, detail: string): Response {
  const html = `<!doctype html><html lang="${site.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} | ${site.name}</title><style>body{font:18px/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;background:#fbfaf7}a{color:#b3122e}@media(prefers-color-scheme:dark){body{color:#ece9e2;background:#121212}a{color:#ff8a9b}}</style></head><body><main><h1>${escape(title)}</h1><p>${escape(detail)}</p><p><a href="/">Go to the ${site.name} home page</a></p></main></body></html>`
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
