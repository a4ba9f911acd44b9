import type { Film, Review } from '@/lib/content'
import { cn } from '@/components/ui/cn'
import { formatDate, formatRuntime, joinNames } from '@/lib/format'
import { releasePlace } from '@/lib/content/release'

type Props = {
  film: Film
  release?: Review['release']
  headingLevel?: 'h2' | 'h3'
  className?: string
}

/** The film facts card: what a reader checks before buying a ticket. */
export function FilmFacts({ film, release, headingLevel: Heading = 'h2', className }: Props) {
  const rows: [string, React.ReactNode][] = [
    [film.directors.length > 1 ? 'Directors' : 'Director', joinNames(film.directors)],
    [film.writers.length > 1 ? 'Writers' : 'Writer', joinNames(film.writers)],
    [
      'Cast',
      <ul key="cast" className="space-y-0.5">
        {film.cast.map((c) => (
          <li key={c.name}>
            {c.name} <span className="text-muted">as {c.character}</span>
          </li>
        ))}
      </ul>,
    ],
    ['Runtime', formatRuntime(film.runtime)],
    [film.countries.length > 1 ? 'Countries' : 'Country', joinNames(film.countries)],
    [film.languages.length > 1 ? 'Languages' : 'Language', joinNames(film.languages)],
    ['Certificate', film.certificate],
    ['Distributor', film.distributor],
  ]
  if (release) rows.push(['Release', `${formatDate(release.date)}, ${releasePlace(release)}`])

  return (
    <section
      aria-labelledby={`facts-${film.slug}`}
      className={cn('border-ink bg-panel border-t-4 p-5 font-sans text-sm', className)}
    >
      <Heading id={`facts-${film.slug}`} className="mb-3 font-serif text-lg font-bold">
        {film.title} <span className="text-muted font-normal">({film.year})</span>
      </Heading>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        {rows.map(([term, detail]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
