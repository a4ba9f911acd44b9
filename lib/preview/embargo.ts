import { isImagePublic } from '@/lib/content'

/** Where an embargoed image is sent: a file that does not exist, answered as any unknown image is. */
export const UNKNOWN_IMAGE = '/images/not-found'

/**
 * The image a request asks for, directly (`/images/…`) or through the image optimiser, when only
 * unpublished pieces show it; undefined for any other request.
 */
export function embargoedImage(url: URL): string | undefined {
  let src: string | null
  try {
    src = url.pathname.startsWith('/images/')
      ? decodeURIComponent(url.pathname)
      : url.pathname === '/_next/image'
        ? url.searchParams.get('url')
        : null
  } catch {
    return undefined
  }
  return src && !isImagePublic(src) ? src : undefined
}

/** The same request for an unknown image: readers must not learn that an embargoed piece exists. */
export function unknownImage(url: URL): URL {
  const unknown = new URL(url)
  if (unknown.pathname === '/_next/image') unknown.searchParams.set('url', UNKNOWN_IMAGE)
  else {
    unknown.pathname = UNKNOWN_IMAGE
    unknown.search = ''
  }
  return unknown
}
