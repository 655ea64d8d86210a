import Image from 'next/image'
import type { ContentImage as ContentImageData } from '@/lib/content'

type Props = {
  image: Pick<ContentImageData, 'src' | 'width' | 'height' | 'alt'>
  /** For the page's largest image (its LCP element): preloaded, fetched first, never lazy. */
  lead?: boolean
  className?: string
  alt?: string
} & (
  | {
      /** The rendered width at each breakpoint, so phones download phone-sized files. */
      sizes: string
      box?: never
    }
  | {
      /**
       * A thumbnail's fixed box in CSS pixels (className gives it the same size): two files, for
       * 1x and 2x screens, instead of a srcset of every width the site knows.
       */
      box: { width: number; height: number }
      sizes?: never
    }
)

/** A content image with its real dimensions: the browser reserves its box before it loads. */
export function ContentImage({ image, sizes, box, lead = false, className, alt }: Props) {
  return (
    <Image
      src={image.src}
      width={box?.width ?? image.width}
      height={box?.height ?? image.height}
      alt={alt ?? image.alt}
      sizes={sizes}
      preload={lead}
      loading={lead ? 'eager' : 'lazy'}
      fetchPriority={lead ? 'high' : undefined}
      className={className}
    />
  )
}
