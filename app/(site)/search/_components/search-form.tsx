import type { SearchFilters, searchFacets } from '@/lib/content/search'

type Props = { q: string; filters: SearchFilters; facets: ReturnType<typeof searchFacets> }

const field = 'min-h-11 rounded-sm border border-muted bg-paper px-3 py-2 text-ink'

/** A plain GET form: it works without JavaScript, and the query lives in the URL. */
export function SearchForm({ q, filters, facets }: Props) {
  const select = (name: keyof SearchFilters, label: string, options: string[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`search-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <select
        id={`search-${name}`}
        name={name}
        defaultValue={filters[name] ?? ''}
        className={field}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form
      id="search-form"
      role="search"
      action="/search"
      method="get"
      className="grid gap-4 font-sans sm:grid-cols-[1fr_auto]"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-semibold">
          Search reviews
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={q}
          autoComplete="off"
          placeholder="A film, director, actor or critic"
          className={field}
        />
      </div>
      <button
        type="submit"
        className="bg-accent text-accent-ink min-h-11 self-end rounded-sm px-5 font-semibold"
      >
        Search
      </button>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
        <legend className="sr-only">Filters</legend>
        {select('critic', 'Critic', facets.critics)}
        {select('genre', 'Genre', facets.genres)}
        {select('year', 'Year of the film', facets.years)}
      </fieldset>
    </form>
  )
}
