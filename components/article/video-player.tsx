'use client'

import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react'

interface Props {
  title: string
  watchUrl: string
  embedUrl: string
  label: string
  /** The poster, rendered on the server. */
  children: ReactNode
}

/**
 * The poster is a link to the video's page; with JavaScript a press replaces it in place with the
 * host's player, in the same 16:9 box (no layout shift), and moves focus into the player.
 */
export function VideoPlayer({ title, watchUrl, embedUrl, label, children }: Props) {
  const [playing, setPlaying] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)
  useEffect(() => {
    if (playing) frame.current?.focus()
  }, [playing])

  const play = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window (modifier keys, middle button) goes to the host's page as a link would.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      return
    }
    event.preventDefault()
    setPlaying(true)
  }

  return (
    <div className="relative aspect-video overflow-hidden rounded-md bg-ink">
      {playing ? (
        <iframe
          ref={frame}
          src={embedUrl}
          title={title}
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          className="absolute inset-0 h-full w-full border-0"
        />
      ) : (
        <a
          href={watchUrl}
          onClick={play}
          aria-label={label}
          className="group absolute inset-0 block focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          {children}
          <span
            aria-hidden="true"
            className="absolute top-1/2 left-1/2 flex size-16 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-black/75 text-white shadow-lg transition-transform group-hover:scale-110"
          >
            <svg viewBox="0 0 24 24" className="ml-1 size-8" fill="currentColor">
              <path d="M8 5v14l11-7z" />
            </svg>
          </span>
        </a>
      )}
    </div>
  )
}
