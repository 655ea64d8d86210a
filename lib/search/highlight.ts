/** A run of text, marked when it is one of the words the reader searched for. */
export interface Segment {
  text: string
  mark?: true
}

const WORD = /[\p{L}\p{N}]+/gu

/** Lower case without accents: how the index and the highlighter both compare words. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Splits text into segments, marking every word whose normalized form is in `terms`. */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = []
  let last = 0
  for (const match of text.matchAll(WORD)) {
    if (!terms.has(normalizeTerm(match[0]))) continue
    if (match.index > last) segments.push({ text: text.slice(last, match.index) })
    segments.push({ text: match[0], mark: true })
    last = match.index + match[0].length
  }
  if (last < text.length) segments.push({ text: text.slice(last) })
  return segments
}

/**
 * About `length` characters of `text` around the first matched word, cut at word boundaries,
 * with "…" where it was cut. Undefined when no word matches.
 */
export function excerpt(
  text: string,
  terms: ReadonlySet<string>,
  length = 220,
): Segment[] | undefined {
  const first = [...text.matchAll(WORD)].find((match) => terms.has(normalizeTerm(match[0])))
  if (!first) return undefined
  let start = Math.max(0, first.index - Math.floor(length / 3))
  let end = Math.min(text.length, start + length)
  start = Math.max(0, end - length)
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  if (end < text.length)
    end = text.lastIndexOf(' ', end) > first.index ? text.lastIndexOf(' ', end) : end
  const segments = highlight(text.slice(start, end).trim(), terms)
  if (start > 0) segments.unshift({ text: '… ' })
  if (end < text.length) segments.push({ text: ' …' })
  return segments
}
