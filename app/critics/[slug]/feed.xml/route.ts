import { criticFeed, criticFeedParams } from '@/lib/critic-feed'

export const revalidate = 30
export const generateStaticParams = criticFeedParams

export async function GET(_: Request, { params }: RouteContext<'/critics/[slug]/feed.xml'>) {
  return criticFeed('rss', (await params).slug)
}
