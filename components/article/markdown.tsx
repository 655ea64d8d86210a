import type { Root } from 'hast'
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime'
import { Link } from '@/components/ui/link'
import type { ComponentProps } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { GalleryStrip } from '@/components/gallery/gallery-strip'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import type { Gallery } from '@/lib/content'

interface Props {
  tree: Root
  /** Galleries a `::gallery` directive in this body may embed. */
  galleries?: ReadonlyMap<string, Gallery>
  className?: string
}

/**
 * Renders a body parsed by lib/content (already sanitized) to React on the server: images
 * become optimized `<img>`s with their real size (ResponsiveImage), site links client-side links.
 */
export function Markdown({ tree, galleries, className }: Props) {
  const components: Partial<Components> = {
    img: BodyImage,
    a: BodyLink,
    table: (props) => (
      <div className="overflow-x-auto">
        <table {...props} />
      </div>
    ),
    div: (props: ComponentProps<'div'> & { 'data-gallery'?: string }) => {
      const slug = props['data-gallery']
      if (slug === undefined) return <div {...props} />
      const gallery = galleries?.get(slug)
      return gallery ? <GalleryStrip gallery={gallery} /> : null
    },
  }
  return <div className={className}>{toJsxRuntime(tree, { Fragment, jsx, jsxs, components })}</div>
}

/** lib/content set every body image's width and height from its file. */
function BodyImage({ src, alt, width, height }: ComponentProps<'img'>) {
  if (typeof src !== 'string' || !width || !height) return null
  return (
    <ResponsiveImage
      image={{ src, alt: alt ?? '', width: Number(width), height: Number(height) }}
      sizes="(min-width: 768px) 720px, 100vw"
      className="h-auto w-full rounded-md"
    />
  )
}

function BodyLink({ href, children, ...props }: ComponentProps<'a'>) {
  if (href?.startsWith('/') && !href.startsWith('//')) {
    return (
      <Link href={href} {...props}>
        {children}
      </Link>
    )
  }
  return (
    <a href={href} rel="noopener" {...props}>
      {children}
    </a>
  )
}
