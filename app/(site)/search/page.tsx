import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'
import { pageMetadata } from '@/lib/seo/metadata'
import {
  searchFacets,
  searchRecords,
  searchReviews,
  type SearchFilters,
} from '@/lib/content/search'
import { paginate, pageParam } from '@/lib/content/paginate'
import { SEARCH_PER_PAGE, searchHref } from '@/lib/content/search-url'
import { Pagination } from '@/components/layout/pagination'
import { PagefindSearch } from './_components/pagefind-search'
import { SearchForm } from './_components/search-form'
import { resultSummary, SearchResults } from './_components/search-results'

export const metadata = pageMetadata({
  title: 'Search',
  description: 'Search every review by film, director, actor or critic.',
  path: '/search',
})

const one = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams
  const q = one(params.q) ?? ''
  const filters: SearchFilters = {
    critic: one(params.critic),
    genre: one(params.genre),
    year: one(params.year),
  }
  const records = searchRecords()
  const asked = Boolean(q || filters.critic || filters.genre || filters.year)
  const hits = asked ? searchReviews(records, q, filters) : []
  // A page past the last (or a malformed one) shows the first.
  const paged =
    paginate(hits, pageParam(one(params.page) ?? '1'), SEARCH_PER_PAGE) ??
    paginate(hits, 1, SEARCH_PER_PAGE)!
  const items = paged.items.map(({ record, excerpt }) => ({
    url: record.url,
    title: record.headline,
    film: `${record.film} (${record.year})`,
    critic: record.critic,
    date: record.date,
    excerpt: excerpt ? (
      <>
        {excerpt.before}
        <mark>{excerpt.match}</mark>
        {excerpt.after}
      </>
    ) : (
      record.text.slice(0, 180) + '…'
    ),
  }))
  return (
    <>
      <PageHeader title="Search" crumbs={trail({ name: 'Search', href: '/search' })} />
      <SearchForm q={q} filters={filters} facets={searchFacets(records)} />
      <PagefindSearch>
        <SearchResults
          items={items}
          summary={resultSummary(hits.length, q)}
          pager={
            <Pagination
              page={paged.page}
              pages={paged.pages}
              href={(n) => searchHref({ q, ...filters }, n)}
              labels={{ previous: 'Previous results', next: 'More results' }}
              plain
            />
          }
        />
      </PagefindSearch>
    </>
  )
}
