import type { Root } from 'hast'
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime'
import { Link } from '@/components/ui/link'
import type { ComponentProps } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { GalleryStrip } from '@/components/gallery/gallery-strip'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import type { Gallery } from '@/lib/content'
import { Video } from './video'

interface Props {
  tree: Root
  /** Galleries a `::gallery` directive in this body may embed. */
  galleries?: ReadonlyMap<string, Gallery>
  className?: string
  /** Without the wrapping div: for pieces of a body inside a wrapper of their own. */
  bare?: boolean
}

/**
 * Renders a body parsed by lib/content (already sanitized) to React on the server: images
 * become optimized `<img>`s with their real size (ResponsiveImage), site links client-side links.
 */
export function Markdown({ tree, galleries, className, bare = false }: Props) {
  const components: Partial<Components> = {
    img: BodyImage,
    a: BodyLink,
    table: (props) => (
      <div className="overflow-x-auto">
        <table {...props} />
      </div>
    ),
    div: (props: ComponentProps<'div'> & { 'data-gallery'?: string; 'data-video-id'?: string }) => {
      if (props['data-video-id'] !== undefined) return <BodyVideo {...props} />
      const slug = props['data-gallery']
      if (slug === undefined) return <div {...props} />
      const gallery = galleries?.get(slug)
      return gallery ? <GalleryStrip gallery={gallery} /> : null
    },
  }
  const content = toJsxRuntime(tree, { Fragment, jsx, jsxs, components })
  return bare ? content : <div className={className}>{content}</div>
}

/** A `::video` directive's element, its attributes checked and its poster sized by lib/content. */
function BodyVideo(props: Record<string, unknown>) {
  const attribute = (name: string) => {
    const value = props[`data-video-${name}`]
    return typeof value === 'string' ? value : ''
  }
  const provider = attribute('provider')
  const { width, height } = props
  if ((provider !== 'youtube' && provider !== 'vimeo') || !width || !height) return null
  return (
    <Video
      video={{ provider, id: attribute('id'), title: attribute('title') }}
      poster={{ src: attribute('poster'), width: Number(width), height: Number(height) }}
      duration={attribute('duration')}
    />
  )
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
