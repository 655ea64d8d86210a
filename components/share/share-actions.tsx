'use client'

import { useState, type MouseEvent, type ReactNode } from 'react'

interface ShareData {
  url: string
  title: string
}

/**
 * The share control's button. Where the browser has the Web Share API (most phones), a press
 * opens the system's share sheet; elsewhere, and without JavaScript, it opens the panel of links.
 */
export function ShareSummary({
  url,
  title,
  className,
  children,
}: ShareData & { className?: string; children: ReactNode }) {
  function onClick(event: MouseEvent<HTMLElement>) {
    const data = { url, title }
    if (typeof navigator.share !== 'function' || navigator.canShare?.(data) === false) return
    event.preventDefault()
    const details = event.currentTarget.parentElement
    navigator.share(data).catch((error: unknown) => {
      // The reader closing the sheet is an AbortError; anything else falls back to the links.
      if (!(error instanceof DOMException && error.name === 'AbortError') && details) {
        ;(details as HTMLDetailsElement).open = true
      }
    })
  }
  return (
    <summary className={className} onClick={onClick}>
      {children}
    </summary>
  )
}

/** Copies the address; the result is announced in a live region. Shown only with JavaScript. */
export function CopyLinkButton({ url, className }: { url: string; className?: string }) {
  const [status, setStatus] = useState('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setStatus('Link copied')
    } catch {
      setStatus('Could not copy: select the address below')
    }
  }
  return (
    <>
      <button type="button" onClick={copy} className={className}>
        Copy link
      </button>
      <span role="status" className="block px-3 text-xs text-muted">
        {status}
      </span>
    </>
  )
}
