import { criticFeed, criticFeedParams } from '@/lib/feeds/critic'

export const revalidate = 30
export const generateStaticParams = criticFeedParams

export async function GET(_: Request, { params }: RouteContext<'/critics/[slug]/atom.xml'>) {
  return criticFeed('atom', (await params).slug)
}
