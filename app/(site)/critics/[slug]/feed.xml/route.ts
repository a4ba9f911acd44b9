import { criticFeed, criticFeedParams } from '@/lib/feeds/critic'

export const revalidate = 30
export const generateStaticParams = criticFeedParams

export async function GET(_: Request, { params }: RouteContext<'/critics/[slug]/feed.xml'>) {
  return criticFeed('rss', (await params).slug)
}
