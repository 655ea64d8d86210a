/**
 * A fast reader of what a Markdown body references and how many words it has, for the common
 * subset of Markdown that news stories use: paragraphs, `#` headings, lists, block quotes,
 * emphasis, inline links and images (a captioned figure when alone in a paragraph) and
 * `::gallery{slug="…"}` on a line of its own. It gives the same references (with lines) and the
 * same word count as `parseBody`, which the tests check on real and generated bodies.
 *
 * Anything outside that subset (raw HTML, code, tables, escapes, entities, reference links,
 * footnotes, other directives, indented lines, …) returns undefined: the caller then parses the
 * body with `parseBody`. The subset is deliberately narrow, so "undefined" is never wrong.
 */
import type { Element } from 'hast'
import { countWords, emptyReferences, RANK, type BodyReferences, type RankRef } from '../markdown'

export interface ScannedBody {
  refs: BodyReferences
  wordCount: number
}

/**
 * Characters and sequences that only the full parser handles. An indented line is looked for
 * after a line break, not with a multiline `^`: that made every space a place to try.
 */
const OUTSIDE_SUBSET =
  /[<\\`~\t\r\0@]|&(?:#|[A-Za-z][A-Za-z0-9]*;)|\[[\^\]]|\][:[]|www\.|:::|[\n\u2028\u2029][ \t]+\S/
const INDENTED_START = /^[ \t]+\S/
/** `:` before a letter starts a text directive, except in link destinations (handled below). */
const TEXT_DIRECTIVE = /:[A-Za-z]/
const GALLERY_LINE = /^::gallery\{slug="([a-z0-9-]*)"\}$/
const HEADING = /^#{1,6}(?:[ ]+|$)/
const BULLET = /^[-*+](?:[ ]+|$)/
const ORDERED = /^(\d{1,9})[.)](?:[ ]+|$)/
const QUOTE = /^>[ ]?/
const THEMATIC = /^(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$/
/** A destination the parser and sanitizer keep as written: site paths and http(s) URLs. */
const DESTINATION = /^(?:\/[A-Za-z0-9/._\-?=#+]*|https?:\/\/[A-Za-z0-9/._\-?=#+:]+)$/
const TITLE = /^(?:"([^"\n]*)"|'([^'\n]*)')$/
/** A GFM table's delimiter row, written with outer pipes: `| --- | :-: |`. */
const TABLE_DELIMITER = /^\|(?:[ ]*:?-+:?[ ]*\|)+$/
/** Anything that might be read as a delimiter row. */
const LOOSE_DELIMITER = /^(?=.*\|)(?=.*-)[ |:-]+$/
const IMAGE_OR_LINK = /(!?)\[([^[\]\n]*)\]\(([^()\s]*)(?:[ ]+("[^"\n]*"|'[^'\n]*'))?\)/g

interface Inline {
  /** Text pieces, each a separate text node in the parsed tree. */
  pieces: string[]
  images: { src: string; alt: string; title?: string }[]
  links: string[]
}

/**
 * True when a piece of text could split into text nodes differently than by whitespace: a word
 * with emphasis markers inside it (`a*b*c`, `x.*y*`), a text directive (`:name`) or a bare URL.
 */
function ambiguous(text: string): boolean {
  if (TEXT_DIRECTIVE.test(text) || /https?:/i.test(text)) return true
  if (!/[*_]/.test(text)) return false
  return text
    .split(/\s+/)
    .some(
      (token) =>
        /[*_]/.test(token) &&
        token.split(/[*_]+/).filter((segment) => /[\p{L}\p{N}]/u.test(segment)).length > 1,
    )
}

/** Links and images of one line of inline content; undefined when outside the subset. */
function scanInline(line: string): Inline | undefined {
  const pieces: string[] = []
  const images: Inline['images'] = []
  const links: string[] = []
  let rest = ''
  let last = 0
  for (const match of line.matchAll(IMAGE_OR_LINK)) {
    const [all, bang, text = '', destination = '', title] = match
    if (!DESTINATION.test(destination)) return undefined
    rest += `${line.slice(last, match.index)} `
    last = match.index + all.length
    const titleText = title ? TITLE.exec(title) : undefined
    if (bang) {
      // remark-directive reads `:name` in alt text too, and drops it from the alt.
      if (/[*_!]/.test(text) || TEXT_DIRECTIVE.test(text)) return undefined
      images.push({ src: destination, alt: text, title: titleText?.[1] ?? titleText?.[2] })
    } else {
      if (!text.trim() || text.includes('!') || ambiguous(text)) return undefined
      links.push(destination)
      pieces.push(text)
    }
  }
  rest += line.slice(last)
  // Brackets left over are reference links, task list items or literal text: the full parser.
  if (/[[\]]/.test(rest) || ambiguous(rest)) return undefined
  pieces.push(rest)
  return { pieces, images, links }
}

type LineKind = 'blank' | 'text' | 'list' | 'other'

export function scanBody(markdown: string): ScannedBody | undefined {
  if (INDENTED_START.test(markdown) || OUTSIDE_SUBSET.test(markdown)) return undefined
  const refs = emptyReferences()
  const lines = markdown.split('\n')
  const pieces: string[] = []
  let previous: LineKind = 'blank'

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? ''
    const lineNumber = index + 1
    if (!raw.trim()) {
      previous = 'blank'
      continue
    }
    const nextBlank = !(lines[index + 1] ?? '').trim()
    const hasPipe = raw.includes('|')
    if (hasPipe && LOOSE_DELIMITER.test(raw)) return undefined
    if (hasPipe && LOOSE_DELIMITER.test(lines[index + 1] ?? '')) {
      // A table (outer pipes on every line, after a blank line, until a blank line): each cell
      // is its own text node. Other tables are left to the full parser; a pipe in a line that
      // starts no table is a literal character.
      const delimiter = lines[index + 1] ?? ''
      if (previous !== 'blank' || !TABLE_DELIMITER.test(delimiter)) return undefined
      const cellsOf = (row: string) => (/^\|.*\|$/.test(row) ? row.slice(1, -1).split('|') : [])
      const columns = cellsOf(delimiter).length
      let row = index
      for (; row < lines.length && (lines[row] ?? '').trim(); row++) {
        if (row === index + 1) continue
        const cells = cellsOf(lines[row] ?? '')
        if (
          !cells.length ||
          cells.length > columns ||
          (row === index && cells.length !== columns)
        ) {
          return undefined
        }
        for (const cell of cells) {
          const inline = scanInline(cell)
          if (!inline || inline.images.length) return undefined
          for (const href of inline.links) refs.links.push({ href, line: row + 1 })
          pieces.push(...inline.pieces)
        }
      }
      index = row - 1
      previous = 'other'
      continue
    }
    if (raw.startsWith('::')) {
      const gallery = GALLERY_LINE.exec(raw)
      if (!gallery || previous !== 'blank' || !nextBlank) return undefined
      refs.galleries.push({ slug: gallery[1] ?? '', line: lineNumber })
      previous = 'other'
      continue
    }
    if (raw.startsWith(':')) return undefined
    // Under a paragraph, `---` and `===` make it a heading (setext): the full parser decides.
    if (previous === 'text' && /^(?:-+|=+)[ ]*$/.test(raw)) return undefined
    if (THEMATIC.test(raw)) {
      previous = 'other'
      continue
    }
    let content = raw
    let kind: LineKind = 'text'
    let container = false
    const ordered = ORDERED.exec(raw)
    if (HEADING.test(raw)) {
      content = raw.replace(HEADING, '')
      // A second-level heading that starts with markup might be a ranked entry's number.
      if (raw.startsWith('## ') && content && !/^[\p{L}\p{N}"'‘“(]/u.test(content)) {
        return undefined
      }
      if (/[ ]#+[ ]*$/.test(content) || /^#+$/.test(content.trim())) return undefined
      kind = 'other'
      container = true
    } else if (BULLET.test(raw)) {
      content = raw.replace(BULLET, '')
      kind = 'list'
      container = true
    } else if (ordered) {
      // A numbered line continues a paragraph unless it starts a list there ("1.").
      if (previous === 'text' && (ordered[1] !== '1' || !raw.slice(ordered[0].length).trim())) {
        return undefined
      }
      if (previous === 'list' && !ORDERED.test(lines[index - 1] ?? '')) return undefined
      content = raw.slice(ordered[0].length)
      kind = 'list'
      container = true
    } else if (QUOTE.test(raw)) {
      content = raw.replace(QUOTE, '')
      if (/^(?:[-*+>#]|\d+[.)])/.test(content)) return undefined
      kind = 'other'
      container = true
    } else if (previous === 'list') {
      // A lazy continuation line of a list item.
      container = true
    }
    const inline = scanInline(content)
    if (!inline) return undefined
    const alone = inline.images.length === 1 && !inline.pieces.some((piece) => piece.trim())
    if (inline.images.length && (container || (alone && (previous !== 'blank' || !nextBlank)))) {
      // Images in lists, quotes, headings or beside other lines: the full parser decides.
      return undefined
    }
    for (const image of inline.images) {
      // The img element as the full parser makes it (without a position): the loader reads
      // its alt text and sets its size on it.
      const element: Element = {
        type: 'element',
        tagName: 'img',
        properties: { src: image.src, alt: image.alt },
        children: [],
      }
      refs.images.push({ src: image.src, line: lineNumber, element })
      // A paragraph holding only an image is a figure: its title becomes the caption.
      if (alone && image.title) pieces.push(image.title)
    }
    for (const href of inline.links) refs.links.push({ href, line: lineNumber })
    pieces.push(...inline.pieces)
    previous = kind
  }
  const wordCount = pieces.reduce((sum, piece) => sum + countWords(piece), 0)
  refs.ranks = scanRanks(lines)
  return { refs, wordCount }
}

/** Ranked entries' headings, as `parseBody` finds them, for a body inside the subset. */
function scanRanks(lines: string[]): RankRef[] {
  const ranks: RankRef[] = []
  let open: RankRef | undefined
  lines.forEach((line, index) => {
    const section = /^#{1,2}(?:[ ]+|$)/.exec(line)
    if (section) {
      const text = line.slice(section[0].length).trim()
      const match = section[0].startsWith('##') ? RANK.exec(text) : null
      open = match
        ? {
            rank: Number(match[1]),
            line: index + 1,
            titled: text.slice(match[0].length).trim() !== '',
            filled: false,
          }
        : undefined
      if (open) ranks.push(open)
    } else if (open && line.trim()) {
      open.filled = true
    }
  })
  return ranks
}
