'use client'

import Image, { getImageProps } from 'next/image'
import { usePathname } from 'next/navigation'
import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react'
import { preload } from 'react-dom'
import { photoTitle, type ViewerSlide } from '@/lib/gallery'

interface Props {
  slides: ViewerSlide[]
  /** 0-based index of the photo the server rendered. */
  start: number
  galleryUrl: string
  galleryTitle: string
  siteName: string
}

const PHOTO_SIZES = '(min-width: 1152px) 1100px, 100vw'
const SWIPE_PX = 40

/**
 * The photo page's viewer. Without JavaScript it is a page with real links; with it, photos
 * change in place: arrow keys, swipe, thumbnails, full screen with zoom. The address follows
 * the photo with replaceState, so Back leaves the gallery instead of stepping through photos.
 */
export function GalleryViewer({ slides, start, galleryUrl, galleryTitle, siteName }: Props) {
  // Back from another page restores the server-rendered photo under the address of the photo
  // last shown (replaceState keeps the old page data): the address wins.
  const pathname = usePathname()
  const [index, setIndex] = useState(() => {
    const shown = pathname.startsWith(`${galleryUrl}/`)
      ? Number(pathname.slice(galleryUrl.length + 1)) - 1
      : start
    return slides[shown] ? shown : start
  })
  const [announcement, setAnnouncement] = useState('')
  const [zoomed, setZoomed] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const swipeStart = useRef<{ x: number; y: number } | null>(null)
  const thumbs = useRef<HTMLUListElement>(null)
  const stripPlaced = useRef(false)
  const indexRef = useRef(index)
  const count = slides.length
  const slide = slides[index] ?? slides[0]

  function show(to: number) {
    const next = slides[to]
    if (!next || to === index) return
    setIndex(to)
    setZoomed(false)
    const n = to + 1
    window.history.replaceState(null, '', `${galleryUrl}/${n}`)
    setAnnouncement(`Photo ${n} of ${count}: ${next.caption ?? next.alt}`)
  }

  const showRef = useRef(show)
  useEffect(() => {
    showRef.current = show
  })

  // Arrow keys move between photos anywhere on the page, except while typing.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
      if (!step) return
      event.preventDefault()
      showRef.current(indexRef.current + step)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    document.title = `${photoTitle(galleryTitle, index + 1, count)} | ${siteName}`
  }, [index, galleryTitle, count, siteName])

  useEffect(() => {
    indexRef.current = index
    // Fetch the neighbours at the size the browser will pick, before the reader moves.
    for (const neighbour of [slides[index + 1], slides[index - 1]]) {
      if (!neighbour) continue
      const { props } = getImageProps({ ...neighbour, sizes: PHOTO_SIZES })
      preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes })
    }
    // Centre the current thumbnail by scrolling the strip alone: scrollIntoView would also scroll
    // the page to the strip, so a reader opening photo 3 landed below the photo and its title.
    const strip = thumbs.current
    const current = strip?.children[index]
    if (strip && current) {
      // On arrival the strip is placed at once; later moves glide unless motion is reduced.
      const glide =
        stripPlaced.current && !window.matchMedia('(prefers-reduced-motion: reduce)').matches
      stripPlaced.current = true
      const box = current.getBoundingClientRect()
      const offset = box.left - strip.getBoundingClientRect().left
      strip.scrollTo({
        left: strip.scrollLeft + offset - (strip.clientWidth - box.width) / 2,
        behavior: glide ? 'smooth' : 'instant',
      })
    }
  }, [index, slides])

  /** Plain clicks on photo links are handled in place; other clicks open links as usual. */
  function follow(to: number) {
    return (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return
      event.preventDefault()
      show(to)
    }
  }

  function onPointerDown(event: PointerEvent) {
    if (event.pointerType !== 'mouse') swipeStart.current = { x: event.clientX, y: event.clientY }
  }

  function onPointerUp(event: PointerEvent) {
    const from = swipeStart.current
    swipeStart.current = null
    if (!from) return
    const dx = event.clientX - from.x
    const dy = event.clientY - from.y
    if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) show(index + (dx < 0 ? 1 : -1))
  }

  function zoomAt(event: MouseEvent<HTMLButtonElement>) {
    const image = event.currentTarget.querySelector('img')
    if (image) {
      const box = event.currentTarget.getBoundingClientRect()
      const x = ((event.clientX - box.left) / box.width) * 100
      const y = ((event.clientY - box.top) / box.height) * 100
      image.style.transformOrigin = `${x}% ${y}%`
    }
    setZoomed((value) => !value)
  }

  if (!slide) return null
  const n = index + 1
  const navClass =
    'inline-flex min-h-11 min-w-24 items-center justify-center rounded-md border border-line px-4 font-semibold'

  return (
    <section aria-label="Photo viewer" className="mt-4">
      <figure>
        <div
          className="relative aspect-[3/2] w-full touch-pan-y overflow-hidden rounded-md bg-black select-none"
          onPointerDown={onPointerDown}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (swipeStart.current = null)}
        >
          <Image
            key={slide.src}
            src={slide.src}
            width={slide.width}
            height={slide.height}
            alt={slide.alt}
            sizes={PHOTO_SIZES}
            preload={index === start}
            loading="eager"
            fetchPriority={index === start ? 'high' : undefined}
            draggable={false}
            className="h-full w-full object-contain"
          />
        </div>
        <figcaption className="mt-3">
          <p className="text-sm font-semibold text-muted">
            {n} of {count}
          </p>
          {slide.title && <p className="mt-1 font-serif text-xl font-bold">{slide.title}</p>}
          {slide.caption && <p className="mt-1 text-lg sm:text-base">{slide.caption}</p>}
          {slide.credit && <p className="mt-1 text-xs text-muted uppercase">{slide.credit}</p>}
        </figcaption>
      </figure>

      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <nav aria-label="Photos" className="mt-4 flex flex-wrap items-center gap-2">
        {index > 0 ? (
          <a
            href={`${galleryUrl}/${n - 1}`}
            rel="prev"
            onClick={follow(index - 1)}
            className={navClass}
          >
            ← Previous
          </a>
        ) : (
          <span aria-disabled="true" className={`${navClass} text-muted opacity-60`}>
            ← Previous
          </span>
        )}
        {index < count - 1 ? (
          <a
            href={`${galleryUrl}/${n + 1}`}
            rel="next"
            onClick={follow(index + 1)}
            className={navClass}
          >
            Next →
          </a>
        ) : (
          <span aria-disabled="true" className={`${navClass} text-muted opacity-60`}>
            Next →
          </span>
        )}
        <button
          type="button"
          onClick={() => dialog.current?.showModal()}
          className={`${navClass} js-only ml-auto`}
        >
          Full screen
        </button>
      </nav>

      <ul ref={thumbs} className="mt-4 flex gap-2 overflow-x-auto pb-2" aria-label="All photos">
        {slides.map((thumb, i) => (
          <li key={thumb.src} className="shrink-0">
            <a
              href={`${galleryUrl}/${i + 1}`}
              onClick={follow(i)}
              aria-current={i === index ? 'true' : undefined}
              aria-label={`Photo ${i + 1} of ${count}`}
              className={`block rounded border-2 ${i === index ? 'border-accent' : 'border-transparent'}`}
            >
              <Image
                src={thumb.src}
                // The thumbnail's box: a 1x and a 2x file rather than every width the site knows.
                width={96}
                height={64}
                alt=""
                className="h-16 w-24 rounded-sm object-cover"
              />
            </a>
          </li>
        ))}
      </ul>

      <dialog
        ref={dialog}
        aria-label={`${galleryTitle}: photo ${n} of ${count}, full screen`}
        onClose={() => setZoomed(false)}
        className="m-0 h-full max-h-none w-full max-w-none bg-black p-0 text-white backdrop:bg-black"
      >
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-4 p-3 text-sm">
            <span>
              {n} of {count}
            </span>
            <form method="dialog">
              <button className="min-h-11 rounded border border-white/60 px-4" autoFocus>
                Close (Esc)
              </button>
            </form>
          </div>
          <button
            type="button"
            onClick={zoomAt}
            aria-label={zoomed ? 'Zoom out' : 'Zoom in'}
            className={`relative flex-1 touch-pinch-zoom overflow-hidden ${zoomed ? 'cursor-zoom-out' : 'cursor-zoom-in'}`}
          >
            <Image
              key={slide.src}
              src={slide.src}
              width={slide.width}
              height={slide.height}
              alt={slide.alt}
              sizes="100vw"
              className={`h-full w-full object-contain transition-transform ${zoomed ? 'scale-[2.5]' : ''}`}
            />
          </button>
        </div>
      </dialog>
    </section>
  )
}
