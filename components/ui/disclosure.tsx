'use client'

import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  /** The <summary> (or a client component that renders one), then the panel. */
  children: ReactNode
  className?: string
  /** Disclosures that share a name are exclusive: opening one closes the others (HTML). */
  name?: string
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea'

/**
 * A native <details>: it opens and closes without JavaScript (click, tap, Enter, Space). With
 * JavaScript it behaves as a disclosure should: focus moves into the panel when it opens, Esc
 * closes it and returns focus to its button, and a tap or focus outside closes it.
 */
export function Disclosure({ children, className, name }: Props) {
  const ref = useRef<HTMLDetailsElement>(null)

  useEffect(() => {
    const details = ref.current
    if (!details) return
    const summary = details.querySelector<HTMLElement>(':scope > summary')

    function onToggle() {
      if (!details!.open) return
      const first = [...details!.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
        (element) => !summary?.contains(element) && element.checkVisibility(),
      )
      first?.focus()
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !details!.open) return
      event.preventDefault()
      details!.open = false
      summary?.focus()
    }
    // On click, not pointerdown: closing a panel as a tap starts can move the page under the
    // finger, and the tap then lands on something else.
    function onClickOutside(event: MouseEvent) {
      if (details!.open && !details!.contains(event.target as Node)) details!.open = false
    }
    function onFocusOut(event: FocusEvent) {
      const to = event.relatedTarget as Node | null
      if (details!.open && to && !details!.contains(to)) details!.open = false
    }

    details.addEventListener('toggle', onToggle)
    details.addEventListener('keydown', onKeyDown)
    details.addEventListener('focusout', onFocusOut)
    document.addEventListener('click', onClickOutside, true)
    return () => {
      details.removeEventListener('toggle', onToggle)
      details.removeEventListener('keydown', onKeyDown)
      details.removeEventListener('focusout', onFocusOut)
      document.removeEventListener('click', onClickOutside, true)
    }
  }, [])

  return (
    <details ref={ref} name={name} className={className}>
      {children}
    </details>
  )
}
