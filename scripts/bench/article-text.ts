/**
 * The article body's text, read from the page's HTML: the Markdown body is the element with the
 * `prose-marquee` class (components/article/article-view.tsx); without it, the <article>, else
 * the <main>. Used to report HTML bytes per byte of text and to fill the bare Next.js page.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

/** The outer HTML of the element whose start tag begins at `start`, matched by nesting depth. */
function elementAt(html: string, start: number): string {
  const name = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1]?.toLowerCase()
  if (!name) return ''
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi')
  tags.lastIndex = start
  let depth = 0
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1
    if (depth === 0) return html.slice(start, match.index + match[0].length)
  }
  return html.slice(start)
}

function bodyHtml(html: string): string {
  const prose = /<[a-z]+\b[^>]*\bclass="[^"]*\bprose-marquee\b/i.exec(html)
  if (prose) return elementAt(html, prose.index)
  for (const tag of ['article', 'main']) {
    const at = new RegExp(`<${tag}\\b`, 'i').exec(html)
    if (at) return elementAt(html, at.index)
  }
  throw new Error('no article body (.prose-marquee, <article> or <main>) in the page')
}

export interface ArticleText {
  /** UTF-8 bytes of the body's text (tags removed, entities decoded, whitespace collapsed). */
  bytes: number
  /** The body's headings, paragraphs, list items and captions, in order, as plain text. */
  blocks: string[]
}

export function articleText(html: string): ArticleText {
  const body = bodyHtml(html)
  const blocks = [
    ...body.matchAll(/<(p|h[1-6]|li|figcaption|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/gi),
  ]
    .map((match) => textOf(match[2] ?? ''))
    .filter((text) => text.length > 0)
  return { bytes: Buffer.byteLength(textOf(body)), blocks }
}
