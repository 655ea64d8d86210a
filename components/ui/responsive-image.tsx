import { getImageProps } from 'next/image'
import { preload } from 'react-dom'
import type { ContentImage } from '@/lib/content'

type Props = {
  image: Pick<ContentImage, 'src' | 'width' | 'height' | 'alt'>
  /** For the page's largest image (its LCP element): preloaded, fetched first, never lazy. */
  lead?: boolean
  className?: string
  alt?: string
} & (
  | {
      /** The rendered width at each breakpoint, so phones download phone-sized files. */
      sizes: string
      /**
       * The widest file worth offering: twice the image's largest rendered width. Next lists
       * every configured width up to 1600 px; a card's srcset stops here, a smaller page.
       */
      widest?: number
      box?: never
    }
  | {
      /**
       * A thumbnail's fixed box in CSS pixels (className gives it the same size): two files, for
       * 1x and 2x screens, instead of a srcset of every width the site knows.
       */
      box: { width: number; height: number }
      sizes?: never
      widest?: never
    }
)

/**
 * A content image with its real dimensions: the browser reserves its box before it loads.
 *
 * next/image's props (srcset of optimized widths, sizes, lazy loading), rendered as a plain
 * `<img>` by the server instead of next/image's client component, so that a page hydrates no
 * component per image: less JavaScript and less blocking time, at the price of each srcset
 * appearing again in the hydration payload. next/image's client part only adds load callbacks
 * and blur placeholders, which these images do not use.
 */
export function ResponsiveImage({
  image,
  sizes,
  widest,
  box,
  lead = false,
  className,
  alt,
}: Props) {
  const { props } = getImageProps({
    src: image.src,
    width: box?.width ?? image.width,
    height: box?.height ?? image.height,
    alt: alt ?? image.alt,
    sizes,
    loading: lead ? 'eager' : 'lazy',
    fetchPriority: lead ? 'high' : undefined,
    className,
  })
  if (widest !== undefined && props.srcSet) {
    const kept = props.srcSet
      .split(', ')
      .filter((candidate) => Number(candidate.slice(candidate.lastIndexOf(' ') + 1, -1)) <= widest)
    props.srcSet = kept.join(', ')
    props.src = kept.at(-1)?.split(' ')[0] ?? props.src
  }
  if (lead) {
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    })
  }
  // next/image colours the alt text transparent until the file loads; a decorative image has
  // none, so it goes without the style (a card is shorter in the page and in its payload).
  const { style, ...rest } = props
  // eslint-disable-next-line @next/next/no-img-element -- next/image's own output (see above)
  return <img {...rest} {...(rest.alt === '' ? {} : { style })} alt={rest.alt} />
}
