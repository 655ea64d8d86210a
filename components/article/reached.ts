/** In view, or already scrolled past (a reader who flicks to the bottom still gets there). */
export function reachedOrPassed(entry: IntersectionObserverEntry): boolean {
  return entry.isIntersecting || entry.boundingClientRect.bottom < 0
}
