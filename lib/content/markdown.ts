import type { Element, ElementContent, Root as HastRoot, Text } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit, SKIP } from 'unist-util-visit'
import { isSectionHeading, RANK, textOf } from './hast'

export { RANK }

/** What a Markdown body points at, checked by the library loader against the rest of the content. */
export interface BodyReferences {
  images: { src: string; line: number; element: Element }[]
  links: { href: string; line: number }[]
  galleries: { slug: string; line: number }[]
  unknownDirectives: { name: string; line: number }[]
  /** Headings that number a ranked list's entries (`## 7. Title`), in order. */
  ranks: RankRef[]
  /** `::video{…}` directives, their attributes as written (checked by checks/formats.ts). */
  videos: VideoRef[]
  /** A live story's `:::update{at="…"}` entries, in file order. */
  updates: UpdateRef[]
}

export interface RankRef {
  rank: number
  line: number
  /** The heading has words after its number. */
  titled: boolean
  /** Something (text, an image) follows the heading before the next entry or section. */
  filled: boolean
}

export interface VideoRef {
  attributes: Record<string, string>
  line: number
  element: Element
}

export interface UpdateRef {
  at: string
  title?: string
  pinned: boolean
  line: number
  filled: boolean
}

/** The attributes a `::video` directive may carry, each as a hast property of its element. */
export const VIDEO_ATTRIBUTES = [
  'provider',
  'id',
  'title',
  'poster',
  'uploaded',
  'duration',
  'description',
] as const

const videoProperty = (name: string) => `dataVideo${name[0]?.toUpperCase()}${name.slice(1)}`

export interface ParsedBody {
  tree: HastRoot
  refs: BodyReferences
  wordCount: number
}

/**
 * The sanitizer's allow-list: GitHub's, plus the gallery embed that the directive produces.
 * A <style> goes with its CSS, which would otherwise show up as text in the story.
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      'dataGallery',
      'dataUpdateAt',
      'dataUpdateTitle',
      'dataUpdatePinned',
      ...VIDEO_ATTRIBUTES.map(videoProperty),
    ],
  },
}

/**
 * `::gallery{slug="x"}` on a line of its own embeds that gallery's strip; `::video{…}` a video
 * (components/article/video.tsx); `:::update{at="…"}` … `:::` is one entry of a live story.
 */
function remarkGalleryDirective(source: string, refs: BodyReferences) {
  return () => (tree: MdastRoot) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        // `:word` inside prose is text, not a directive: put the original characters back.
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        const value = start !== undefined && end !== undefined ? source.slice(start, end) : ''
        if (parent && index !== undefined) parent.children[index] = { type: 'text', value }
        return SKIP
      }
      if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return
      const line = node.position?.start.line ?? 1
      const slug = node.attributes?.slug ?? ''
      const attributes = node.attributes ?? {}
      if (node.name === 'gallery' && node.type === 'leafDirective') {
        refs.galleries.push({ slug, line })
        node.data = { hName: 'div', hProperties: { dataGallery: slug }, hChildren: [] }
      } else if (node.name === 'video' && node.type === 'leafDirective') {
        const hProperties = Object.fromEntries(
          VIDEO_ATTRIBUTES.map((name) => [videoProperty(name), attributes[name] ?? '']),
        )
        node.data = { hName: 'div', hProperties, hChildren: [] }
      } else if (node.name === 'update' && node.type === 'containerDirective') {
        node.data = {
          hName: 'div',
          hProperties: {
            dataUpdateAt: attributes.at ?? '',
            dataUpdateTitle: attributes.title,
            dataUpdatePinned:
              attributes.pinned !== undefined && attributes.pinned !== 'false' ? 'true' : undefined,
          },
        }
      } else {
        refs.unknownDirectives.push({ name: node.name, line })
        if (parent && index !== undefined) parent.children.splice(index, 1)
        return [SKIP, index]
      }
    })
  }
}

/** A paragraph holding only an image becomes a figure; the image title becomes its caption. */
function rehypeFigures() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return
      const meaningful = node.children.filter((child) => !isWhitespace(child))
      const [only] = meaningful
      if (meaningful.length !== 1 || only?.type !== 'element' || only.tagName !== 'img') return
      const caption = typeof only.properties.title === 'string' ? only.properties.title : ''
      delete only.properties.title
      const children: ElementContent[] = [only]
      if (caption) {
        children.push({
          type: 'element',
          tagName: 'figcaption',
          properties: {},
          children: [{ type: 'text', value: caption }],
        })
      }
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children,
        position: node.position,
      }
    })
  }
}

function isWhitespace(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

/**
 * Parses a Markdown body (GFM, raw HTML sanitized, gallery directives, figures) into a hast tree
 * that components render on the server, and lists what it references. Lines are body-relative.
 */
export function parseBody(markdown: string): ParsedBody {
  const refs = emptyReferences()
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkGalleryDirective(markdown, refs))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFigures)
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot

  let wordCount = 0
  visit(tree, (node) => {
    if (node.type === 'text') wordCount += countWords((node as Text).value)
    if (node.type !== 'element') return
    const line = node.position?.start.line ?? 1
    if (node.tagName === 'img') {
      refs.images.push({ src: String(node.properties.src ?? ''), line, element: node })
    } else if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      refs.links.push({ href: node.properties.href, line })
    } else if (node.tagName === 'div' && node.properties.dataVideoId !== undefined) {
      const attributes: Record<string, string> = {}
      for (const name of VIDEO_ATTRIBUTES) {
        const value = node.properties[videoProperty(name)]
        if (typeof value === 'string' && value) attributes[name] = value
      }
      refs.videos.push({ attributes, line, element: node })
    } else if (node.tagName === 'div' && node.properties.dataUpdateAt !== undefined) {
      const title = node.properties.dataUpdateTitle
      refs.updates.push({
        at: String(node.properties.dataUpdateAt),
        ...(typeof title === 'string' && { title }),
        pinned: node.properties.dataUpdatePinned === 'true',
        line,
        filled: node.children.some((child) => child.type === 'element' || !isBlank(child)),
      })
    }
  })
  refs.ranks = rankRefs(tree)
  return { tree, refs, wordCount }
}

export function emptyReferences(): BodyReferences {
  return {
    images: [],
    links: [],
    galleries: [],
    unknownDirectives: [],
    ranks: [],
    videos: [],
    updates: [],
  }
}

function isBlank(node: HastRoot['children'][number]): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '')
}

/** The top-level `h2`s that number entries, with whether each has a title and something under it. */
function rankRefs(tree: HastRoot): RankRef[] {
  const ranks: RankRef[] = []
  let open: RankRef | undefined
  for (const node of tree.children) {
    if (isSectionHeading(node)) {
      const match = node.tagName === 'h2' ? RANK.exec(textOf(node)) : null
      open = match
        ? {
            rank: Number(match[1]),
            line: node.position?.start.line ?? 1,
            titled: textOf(node).slice(match[0].length).trim() !== '',
            filled: false,
          }
        : undefined
      if (open) ranks.push(open)
    } else if (open && !isBlank(node)) {
      open.filled = true
    }
  }
  return ranks
}

/** Drops source positions once a body has been checked: pages and JSON don't need them. */
export function stripPositions(tree: HastRoot): HastRoot {
  visit(tree, (node) => {
    delete node.position
  })
  return tree
}

/** A letter or digit outside ASCII (checked one character at a time). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** What `\s` matches, by character code. */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code >= 0xa0 &&
        (code === 0xa0 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff)
}

/**
 * Words: runs of non-space characters that hold a letter or a digit. One pass over the
 * characters (a regular expression over the text was a tenth of a library load).
 */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isSpace(code)) {
      inWord = false
      continue
    }
    if (!inWord) {
      inWord = true
      counted = false
    }
    if (counted) continue
    let alnum: boolean
    if (code < 0x80) {
      alnum =
        (code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a)
    } else {
      const point = text.codePointAt(i) ?? code
      alnum = LETTER_OR_DIGIT.test(String.fromCodePoint(point))
      if (point > 0xffff) i++
    }
    if (alnum) {
      words++
      counted = true
    }
  }
  return words
}

/** Minutes at 230 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230))
}
