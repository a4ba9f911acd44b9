import { CopyLinkButton } from '@/components/review/copy-link-button'
import { shareTargets } from '@/lib/campaign/share'

const pill =
  'inline-flex min-h-11 items-center rounded-full border border-rule px-4 no-underline hover:border-accent'

export function ShareLinks({ path, title }: { path: string; title: string }) {
  const { copy, targets } = shareTargets(path, title)
  return (
    <section aria-labelledby="share-heading" className="no-print mt-8 font-sans text-sm">
      <h2 id="share-heading" className="mb-2 font-semibold">
        Share this review
      </h2>
      <ul className="flex flex-wrap gap-2">
        <li>
          <CopyLinkButton url={copy} className={pill} />
        </li>
        {targets.map((t) => (
          <li key={t.name}>
            <a
              href={t.href}
              className={pill}
              rel="noopener noreferrer"
              target={t.name === 'email' ? undefined : '_blank'}
            >
              {t.label}
              {t.name === 'email' ? null : <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
