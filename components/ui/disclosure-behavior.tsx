'use client'

import { useEffect } from 'react'

const DISCLOSURE = 'details[data-disclosure]'
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea'

function summaryOf(details: HTMLDetailsElement) {
  return details.querySelector<HTMLElement>(':scope > summary')
}

/**
 * What every <Disclosure> (components/ui/disclosure.tsx) does with JavaScript, as a disclosure
 * should: focus moves into the panel when it opens, Esc closes it and returns focus to its
 * button, and a tap or focus outside closes it. One set of listeners on the document serves every
 * disclosure on the page, including ones added later (continuous reading); it renders nothing.
 */
export function DisclosureBehavior() {
  useEffect(() => {
    // `toggle` does not bubble: listen in the capture phase.
    function onToggle(event: Event) {
      const details = event.target
      if (!(details instanceof HTMLDetailsElement) || !details.matches(DISCLOSURE)) return
      const summary = summaryOf(details)
      // A summary that isn't shown (the header's panels laid out in a wide screen's bar) is no
      // button the reader pressed: leave focus where it is.
      if (!details.open || !summary?.checkVisibility()) return
      const first = [...details.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
        (element) => !summary.contains(element) && element.checkVisibility(),
      )
      first?.focus()
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !(event.target instanceof Element)) return
      const details = event.target.closest<HTMLDetailsElement>(`${DISCLOSURE}[open]`)
      if (!details) return
      event.preventDefault()
      details.open = false
      summaryOf(details)?.focus()
    }
    // On click, not pointerdown: closing a panel as a tap starts can move the page under the
    // finger, and the tap then lands on something else.
    function onClick(event: MouseEvent) {
      for (const details of document.querySelectorAll<HTMLDetailsElement>(`${DISCLOSURE}[open]`)) {
        if (!details.contains(event.target as Node)) details.open = false
      }
    }
    function onFocusOut(event: FocusEvent) {
      if (!(event.target instanceof Element)) return
      const details = event.target.closest<HTMLDetailsElement>(`${DISCLOSURE}[open]`)
      const to = event.relatedTarget as Node | null
      if (details && to && !details.contains(to)) details.open = false
    }

    document.addEventListener('toggle', onToggle, true)
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('focusout', onFocusOut)
    document.addEventListener('click', onClick, true)
    return () => {
      document.removeEventListener('toggle', onToggle, true)
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('focusout', onFocusOut)
      document.removeEventListener('click', onClick, true)
    }
  }, [])
  return null
}
