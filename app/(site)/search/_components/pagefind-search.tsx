'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Pagination } from '@/components/layout/pagination'
import { pageParam } from '@/lib/content/paginate'
import { SEARCH_FIELDS, SEARCH_PER_PAGE, searchHref } from '@/lib/content/search-url'
import { resultSummary, SearchResults, type ResultItem } from './search-results'

type PagefindResult = {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>
}
type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>
  search: (
    q: string | null,
    o: { filters: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] }>
}

const FIELDS = SEARCH_FIELDS

/** Pagefind marks matches with <mark>; everything else it returns is escaped text. */
function Excerpt({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/)
  const decode = (s: string) =>
    new DOMParser().parseFromString(s, 'text/html').documentElement.textContent ?? ''
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{decode(p)}</mark> : decode(p)))}</>
}

/** The page of results the address asks for: `page=2`, only as written canonically. */
function requestedPage(): number {
  const page = pageParam(new URLSearchParams(window.location.search).get('page') ?? '1')
  return Number.isNaN(page) ? 1 : page
}

/**
 * Searches the static Pagefind index in the browser as the reader types, keeping the
 * query in the URL. Until it has loaded (or without JavaScript) the server's results show.
 */
export function PagefindSearch({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{
    items: ResultItem[]
    summary: string
    pager?: ReactNode
  } | null>(null)
  const pagefind = useRef<Promise<Pagefind> | null>(null)

  useEffect(() => {
    const form = document.getElementById('search-form') as HTMLFormElement | null
    if (!form) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let latest = 0
    // Is the current history entry a search the reader settled on (the page as loaded, Enter,
    // Back or Forward)? Typing then starts a new entry, so Back returns to it; further typing,
    // and the Enter that ends it, update that new entry in place.
    let settled = true
    const record = (url: string, settle: boolean) => {
      if (settled && url !== window.location.pathname + window.location.search)
        window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
      settled = settle
    }

    const load = () =>
      (pagefind.current ??= import(
        /* webpackIgnore: true */ /* turbopackIgnore: true */ '/pagefind/pagefind.js' as string
      ).then(async (pf: Pagefind) => {
        await pf.options({ excerptLength: 30 })
        return pf
      }))

    // `settle`: the reader asked for this search (Enter) or came back to it (Back, Forward).
    // `page`: the page of results the URL asked for (a pager's link); a new search starts at 1.
    async function run(settle: boolean, page = 1) {
      const data = new FormData(form!)
      const params = new URLSearchParams()
      for (const f of FIELDS) {
        const v = String(data.get(f) ?? '').trim()
        if (v) params.set(f, v)
      }
      const fields = Object.fromEntries(params)
      const url = searchHref(fields, page)
      record(url, settle)
      const q = params.get('q') ?? ''
      const filters = Object.fromEntries(
        FIELDS.slice(1).flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])),
      )
      if (!q && Object.keys(filters).length === 0)
        return setState({ items: [], summary: resultSummary(0, '') })
      const ticket = ++latest
      const pf = await load()
      const found = await pf.search(q || null, { filters })
      const pages = Math.max(1, Math.ceil(found.results.length / SEARCH_PER_PAGE))
      const shown = page <= pages ? page : 1
      const data2 = await Promise.all(
        found.results
          .slice((shown - 1) * SEARCH_PER_PAGE, shown * SEARCH_PER_PAGE)
          .map((r) => r.data()),
      )
      if (ticket !== latest) return
      setState({
        summary: resultSummary(found.results.length, q),
        pager: (
          <Pagination
            page={shown}
            pages={pages}
            href={(n) => searchHref(fields, n)}
            labels={{ previous: 'Previous results', next: 'More results' }}
            plain
          />
        ),
        items: data2.map((d) => ({
          url: d.url,
          title: d.meta.title ?? d.url,
          film: d.meta.film ?? '',
          critic: d.meta.critic ?? '',
          date: d.meta.date ?? '',
          excerpt: <Excerpt html={d.excerpt} />,
        })),
      })
    }

    const onInput = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void run(false), 200)
    }
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault()
      clearTimeout(timer)
      void run(true)
    }
    const onPop = () => {
      const params = new URLSearchParams(window.location.search)
      for (const f of FIELDS) {
        const el = form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null
        if (el) el.value = params.get(f) ?? ''
      }
      settled = true
      void run(true, requestedPage())
    }
    form.addEventListener('input', onInput)
    form.addEventListener('change', onInput)
    form.addEventListener('submit', onSubmit)
    window.addEventListener('popstate', onPop)
    if (new URLSearchParams(window.location.search).size) void run(true, requestedPage())
    return () => {
      form.removeEventListener('input', onInput)
      form.removeEventListener('change', onInput)
      form.removeEventListener('submit', onSubmit)
      window.removeEventListener('popstate', onPop)
    }
  }, [])

  return state ? (
    <SearchResults items={state.items} summary={state.summary} pager={state.pager} />
  ) : (
    <>{children}</>
  )
}
