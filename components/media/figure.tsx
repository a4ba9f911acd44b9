import { FillImage } from '@/components/media/fill-image'
import { cn } from '@/components/ui/cn'

type Props = {
  src: string
  alt: string
  caption?: string
  /** width / height; the box is sized before the image loads, so nothing shifts. */
  ratio?: number
  sizes?: string
  preload?: boolean
  className?: string
}

export function Figure({
  src,
  alt,
  caption,
  ratio = 16 / 9,
  sizes = '(min-width: 768px) 720px, 100vw',
  preload = false,
  className,
}: Props) {
  return (
    <figure className={cn('my-8', className)}>
      <div className="bg-panel relative w-full overflow-hidden" style={{ aspectRatio: ratio }}>
        <FillImage src={src} alt={alt} sizes={sizes} preload={preload} />
      </div>
      {caption ? (
        <figcaption className="text-muted mt-2 font-sans text-sm">{caption}</figcaption>
      ) : null}
    </figure>
  )
}
