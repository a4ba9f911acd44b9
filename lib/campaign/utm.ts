export type Campaign = {
  source: string
  medium: string
  campaign: string
  content?: string
  term?: string
}

/** Adds utm_* parameters to an outbound link so marketing can see what sold what. */
export function withUtm(url: string, campaign: Campaign): string {
  const u = new URL(url)
  for (const [key, value] of Object.entries(campaign)) {
    if (value) u.searchParams.set(`utm_${key}`, value)
  }
  return u.toString()
}
