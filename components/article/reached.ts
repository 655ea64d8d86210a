/** In view, or already scrolled past (a reader who flicks to the bottom still gets there). */
export function reachedOrPassed(entry: IntersectionObserverEntry): boolean {
  return entry.isIntersecting || entry.boundingClientRect.bottom < 0
}

/**
 * Stories are appended while their "Next:" link is still a screen or more below the viewport,
 * so nothing the reader sees moves (no layout shift).
 */
export const APPEND_MARGIN = '0px 0px 1200px 0px'

/** Calls `onReach` once, when the element comes within `margin` of the viewport or is passed. */
export function observeReach(element: Element, margin: string, onReach: () => void): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some(reachedOrPassed)) return
      observer.disconnect()
      onReach()
    },
    { rootMargin: margin },
  )
  observer.observe(element)
  return () => observer.disconnect()
}
