import { FillImage } from '@/components/media/fill-image'
import { Link } from '@/components/ui/link'
import { getReview, type Issue } from '@/lib/content'
import { formatIssueMonth } from '@/lib/format'

type Props = { issue: Issue; headingLevel?: 'h2' | 'h3'; link?: boolean }

/** An issue of the print magazine: cover, "On the cover" and "Inside". */
export function IssueSummary({ issue, headingLevel: Heading = 'h2', link = true }: Props) {
  const title = `${formatIssueMonth(issue.month)}, No. ${issue.number}`
  return (
    <article className="grid gap-6 sm:grid-cols-[180px_1fr]">
      <div className="bg-panel relative aspect-[3/4] w-40 shadow-md sm:w-full">
        <FillImage src={issue.cover.src} alt={issue.cover.alt} sizes="180px" />
      </div>
      <div>
        <Heading className="font-serif text-2xl font-bold">
          {link ? <Link href={issue.url}>{title}</Link> : title}
        </Heading>
        <p className="mt-3">
          <strong className="font-sans">On the cover:</strong> {issue.coverLine}
        </p>
        <p className="mt-3 font-sans font-semibold">Inside:</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {issue.inside.map((item) => {
            const review = item.review ? getReview(item.review) : undefined
            return (
              <li key={item.text}>
                {review ? <Link href={review.url}>{item.text}</Link> : item.text}
              </li>
            )
          })}
        </ul>
      </div>
    </article>
  )
}
