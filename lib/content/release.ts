import { formatDayMonth } from '@/lib/format'

export type ReleaseInfo = {
  date: string
  territory: string
  form: 'cinemas' | 'digital' | 'streaming' | 'disc'
  service?: string
  format?: string
}

/** Where and how the film reaches readers: "in UK cinemas", "streaming on MUBI", … */
export function releasePlace(release: ReleaseInfo): string {
  switch (release.form) {
    case 'cinemas':
      return `in ${release.territory} cinemas`
    case 'digital':
      return 'on digital'
    case 'streaming':
      return `streaming on ${release.service ?? 'demand'}`
    case 'disc':
      return `on ${release.format ?? 'Blu-ray'}`
  }
}

/**
 * The line that closes a review, computed from its release data so it is never typed
 * into prose: "Ballerina is in UK cinemas from 6 June." The year is added only when it
 * differs from the year the review was published.
 */
export function releaseLine(title: string, release: ReleaseInfo, publishedOn: string): string {
  return `${title} is ${releasePlace(release)} from ${formatDayMonth(release.date, publishedOn)}.`
}
