import { FillImage } from '@/components/media/fill-image'
import { Link } from '@/components/ui/link'
import { IssuePanel } from '@/components/issue/issue-panel'
import { NewsletterForm } from '@/components/newsletter/newsletter-form'
import { JsonLd } from '@/components/ui/json-ld'
import { trail } from '@/lib/seo/breadcrumbs'
import { ReviewGrid } from '@/components/review/review-card'
import { criticOf, getCurrentIssue, getPublishedReviews } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/site'
import { DateText } from '@/components/ui/date'
import { MostRead } from '@/components/review/most-read'
import { mostReadThisWeek } from '@/lib/analytics/most-read'

export const revalidate = 30

const homeTitle = `${site.name} — ${site.tagline}`

// The name is in the title already: not `… | Intertitle` again after it, as on every other page.
export const metadata = {
  ...pageMetadata({ title: homeTitle, description: site.description, path: '/' }),
  title: { absolute: homeTitle },
}

export default async function HomePage() {
  const [lead, ...rest] = getPublishedReviews()
  const issue = getCurrentIssue()
  const mostRead = await mostReadThisWeek()
  return (
    <>
      <JsonLd crumbs={trail()} />
      <h1 className="sr-only">{site.name}: film reviews and the monthly magazine</h1>
      {lead ? (
        <article className="group border-rule relative mt-8 grid gap-6 border-b pb-10 lg:grid-cols-[3fr_2fr] lg:items-center">
          <div className="bg-panel relative aspect-video overflow-hidden">
            <FillImage
              src={lead.hero.src}
              alt={lead.hero.alt}
              preload
              sizes="(min-width: 1024px) 660px, 100vw"
            />
          </div>
          <div>
            <p className="text-accent font-sans text-xs font-semibold tracking-[0.2em] uppercase">
              Latest review
            </p>
            <h2 className="mt-2 font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl">
              <Link
                href={lead.url}
                className="no-underline group-hover:underline after:absolute after:inset-0"
              >
                {lead.headline}
              </Link>
            </h2>
            <p className="text-muted mt-3 text-lg">{lead.standfirst}</p>
            <p className="text-muted mt-3 font-sans text-sm">
              {criticOf(lead.critic).name} · <DateText iso={lead.date} />
            </p>
          </div>
        </article>
      ) : null}
      <section aria-labelledby="latest-heading" className="mt-10">
        <h2
          id="latest-heading"
          className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
        >
          More reviews
        </h2>
        <ReviewGrid reviews={rest.slice(0, 9)} />
        <p className="mt-10 text-center font-sans">
          <Link
            href="/reviews"
            className="border-ink hover:bg-panel inline-block rounded-sm border px-5 py-3 font-semibold no-underline"
          >
            All reviews
          </Link>
        </p>
      </section>
      <MostRead reviews={mostRead} className="mt-14" />
      {issue ? (
        <IssuePanel
          issue={issue}
          signup={<NewsletterForm source={{ path: '/', issue: issue.slug }} />}
          className="mt-14"
        />
      ) : null}
    </>
  )
}
