import Image from 'next/image'
import type { ContentImage as ContentImageData } from '@/lib/content'

interface Props {
  image: Pick<ContentImageData, 'src' | 'width' | 'height' | 'alt'>
  /** The rendered width at each breakpoint, so phones download phone-sized files. */
  sizes: string
  /** For the page's largest image (its LCP element): preloaded, fetched first, never lazy. */
  lead?: boolean
  className?: string
  alt?: string
}

/** A content image with its real dimensions: the browser reserves its box before it loads. */
export function ContentImage({ image, sizes, lead = false, className, alt }: Props) {
  return (
    <Image
      src={image.src}
      width={image.width}
      height={image.height}
      alt={alt ?? image.alt}
      sizes={sizes}
      preload={lead}
      loading={lead ? 'eager' : 'lazy'}
      fetchPriority={lead ? 'high' : undefined}
      className={className}
    />
  )
}
