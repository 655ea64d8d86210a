/**
 * Article bodies in the index without their trees: loading a library reads what each body
 * references (for the checks) and its word count, and a body's hast tree is built only when a
 * page renders it. At 10,000 stories parsing every body at load took minutes and held every
 * tree in memory; now a load scans bodies (`scanBody`, or `parseBody` for what it does not
 * cover) and keeps the most recently rendered trees.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'hast'
import { scanBody } from './body-scan'
import { knownImageSize } from '../images'
import { parseBody, stripPositions, type BodyReferences, type ParsedBody } from '../markdown'
import { parseMarkdownFile } from '../parse'

/** How many rendered trees stay in memory (the least recently used go first). */
export const TREES_KEPT = 256

const trees = new Map<object, Root>()

/**
 * What a load keeps of a body: its references, word count and length. Plain JSON with strings
 * of its own (the parsers' strings are slices of the body, and an index entry that kept one
 * would keep the whole text in memory), so the content cache can store it as it is.
 */
export interface BodyIndex {
  images: { src: string; line: number; alt?: string }[]
  links: BodyReferences['links']
  galleries: BodyReferences['galleries']
  unknownDirectives: BodyReferences['unknownDirectives']
  ranks: BodyReferences['ranks']
  videos: { attributes: Record<string, string>; line: number }[]
  updates: BodyReferences['updates']
  wordCount: number
  length: number
}

export function bodyIndexOf(markdown: string): BodyIndex {
  const { refs, wordCount } = scanBody(markdown) ?? parseBody(markdown)
  const index: BodyIndex = {
    images: refs.images.map(({ src, line, element }) => {
      const { alt } = element.properties
      return { src, line, alt: typeof alt === 'string' ? alt : undefined }
    }),
    links: refs.links.map(({ href, line }) => ({ href, line })),
    galleries: refs.galleries.map(({ slug, line }) => ({ slug, line })),
    unknownDirectives: refs.unknownDirectives.map(({ name, line }) => ({ name, line })),
    ranks: refs.ranks,
    videos: refs.videos.map(({ attributes, line }) => ({ attributes, line })),
    updates: refs.updates,
    wordCount,
    length: markdown.length,
  }
  // One round trip for the whole index: every string is copied out of the body text.
  return JSON.parse(JSON.stringify(index)) as BodyIndex
}

/**
 * The references and word count of an indexed body now; its tree (sized images, no positions)
 * on first use of `tree`, read again from `file` in `root` so that the index does not hold the
 * text. The img elements are for the loader's checks (alt text, size), not the rendered tree.
 */
export function indexedBody(root: string, file: string, index: BodyIndex): ParsedBody {
  const key = {}
  const { length } = index
  return {
    refs: {
      images: index.images.map(({ src, line, alt }) => ({
        src,
        line,
        element: { type: 'element', tagName: 'img', properties: { src, alt }, children: [] },
      })),
      links: index.links,
      galleries: index.galleries,
      unknownDirectives: index.unknownDirectives,
      ranks: index.ranks,
      videos: index.videos.map(({ attributes, line }) => ({
        attributes,
        line,
        element: { type: 'element', tagName: 'div', properties: {}, children: [] },
      })),
      updates: index.updates,
    },
    wordCount: index.wordCount,
    get tree() {
      return bodyTree(key, root, file, length)
    },
  }
}

/** `bodyIndexOf` and `indexedBody` in one. */
export function indexBody(root: string, file: string, markdown: string): ParsedBody {
  return indexedBody(root, file, bodyIndexOf(markdown))
}

function bodyTree(key: object, root: string, file: string, indexedLength: number): Root {
  const hit = trees.get(key)
  if (hit) {
    trees.delete(key)
    trees.set(key, hit)
    return hit
  }
  let text: string
  try {
    text = readFileSync(/*turbopackIgnore: true*/ path.join(root, file), 'utf8')
  } catch {
    // The file went away since the library was loaded; the next reload drops the story.
    return { type: 'root', children: [] }
  }
  const { body } = parseMarkdownFile(text, file)
  const parsed = parseBody(body)
  const sized = [
    ...parsed.refs.images,
    ...parsed.refs.videos.map(({ attributes, element }) => ({ src: attributes.poster, element })),
  ]
  for (const { src, element } of sized) {
    const size = src ? knownImageSize(root, src) : undefined
    if (size && element) {
      element.properties.width = size.width
      element.properties.height = size.height
    }
  }
  const tree = stripPositions(parsed.tree)
  // A file edited since the load is rendered as it is now, but not kept: the reload is near.
  if (body.length !== indexedLength) return tree
  trees.set(key, tree)
  if (trees.size > TREES_KEPT) trees.delete(trees.keys().next().value as object)
  return tree
}
