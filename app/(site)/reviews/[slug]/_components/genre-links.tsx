import { Link } from '@/components/ui/link'
import { genreLabel } from '@/lib/format'

export function GenreLinks({ genres }: { genres: string[] }) {
  return (
    <ul aria-label="Genres" className="no-print mt-6 flex flex-wrap gap-2 font-sans text-sm">
      {genres.map((g) => (
        <li key={g}>
          <Link
            href={`/genres/${g}`}
            className="border-rule hover:border-accent inline-block rounded-full border px-3 py-1.5 no-underline"
          >
            {genreLabel(g)}
          </Link>
        </li>
      ))}
    </ul>
  )
}
