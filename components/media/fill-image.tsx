import { getImageProps } from 'next/image'

type Props = {
  src: string
  alt: string
  /** The `sizes` attribute: how wide the image is drawn at each viewport, so the browser picks a small file on a phone. */
  sizes: string
  /** For the image a reader sees first (the page's LCP): preloaded from the head and fetched at high priority. */
  preload?: boolean
  className?: string
}

/**
 * A responsive image that fills its positioned, sized parent. It is Next's optimised image
 * (same srcset, formats and loader) rendered by the server as a plain `<img>`: the `next/image`
 * component is a client component, and would ship its code to every page that shows a picture.
 */
export function FillImage({ src, alt, sizes, preload = false, className = 'object-cover' }: Props) {
  const { props } = getImageProps({
    src,
    alt,
    sizes,
    fill: true,
    className,
    fetchPriority: preload ? 'high' : undefined,
    loading: preload ? 'eager' : 'lazy',
  })
  // Drawn at one width on every screen (a cover at "200px"): one file for each pixel density
  // ("1x, 2x") instead of every width Next knows, from 16 px to 3,840, which the browser would
  // never pick and every page would carry twice (its HTML and its React payload).
  const fixed = /^(\d+)px$/.exec(sizes)?.[1]
  if (fixed) {
    const { srcSet, src: fallback } = getImageProps({
      src,
      alt,
      width: Number(fixed),
      height: Number(fixed),
    }).props
    Object.assign(props, { srcSet, src: fallback, sizes: undefined })
  }
  // An <img> at high priority is preloaded from <head> by React's server renderer itself, so the
  // hero needs no preload link of its own (and a hint would also travel in every prefetch).
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output, rendered on the server
  return <img {...props} alt={alt} />
}
