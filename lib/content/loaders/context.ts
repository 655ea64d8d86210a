import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { ContentIssue } from '../errors'
import { readImageSize, type ImageSize } from '../images'
import type { YamlSource } from '../parse'
import { slugSchema } from '../schema'
import { readContentFile } from '../speed'
import type { ContentImage, Library } from '../types'

export type Report = (
  issue: Omit<ContentIssue, 'severity'>,
  severity?: ContentIssue['severity'],
) => void

/** What every step of one library load shares. */
export interface LoadContext {
  root: string
  report: Report
  /** The moment the checks take as now (scheduled stories, links to them). */
  now: number
  /** The library a running server serves now, when it is of the same folder. */
  previous?: Library
  /** Folder of the on-disk cache of per-file results; only on the fast path. */
  cacheDir?: string
  /** False for the plain path: remark and `yaml` only, no cache (see speed/index.ts). */
  fast: boolean
  /** Image sizes read during this load (many stories share an image). */
  images: Map<string, Promise<ImageSize | undefined>>
}

/** Reads a file of the library, or reports it as missing. */
export async function readText(ctx: LoadContext, file: string): Promise<string | undefined> {
  const full = path.join(ctx.root, file)
  try {
    return ctx.fast
      ? await readContentFile(/*turbopackIgnore: true*/ full)
      : await readFile(/*turbopackIgnore: true*/ full, 'utf8')
  } catch {
    ctx.report({ file, field: '', message: 'file is missing or unreadable' })
    return undefined
  }
}

/** Lists `dir/*.ext`, sorted, as paths relative to the library root. */
export async function listFiles(ctx: LoadContext, dir: string, ext: RegExp): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ path.join(ctx.root, dir), {
    withFileTypes: true,
  }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && ext.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => `${dir}/${entry.name}`)
    .sort()
}

export function fileSlug(file: string): string {
  return path.basename(file).replace(/\.(md|ya?ml)$/, '')
}

/** The slug a file's name gives, or undefined (reported) when the name is not a valid slug. */
export function slugOfFile(ctx: LoadContext, file: string): string | undefined {
  const slug = fileSlug(file)
  if (slugSchema.safeParse(slug).success) return slug
  ctx.report({
    file,
    line: 1,
    field: '',
    message: `the file name "${slug}" is not a valid slug`,
    hint: 'Rename the file using lower-case letters, digits and single hyphens, e.g. my-story.md.',
  })
  return undefined
}

/**
 * The version a running server already serves of a file that now fails to load: an editor's
 * half-saved or broken change must not take a published page down. The errors are reported all
 * the same; `content:check` and the build have no previous library and keep failing.
 */
export function lastGood<T extends { file: string }>(
  ctx: LoadContext,
  file: string | undefined,
  served: Map<string, T> | undefined,
): T | undefined {
  const kept = file ? served?.get(fileSlug(file)) : undefined
  if (!kept || kept.file !== file) return undefined
  ctx.report(
    { file, field: '', message: 'still serving the last good version until the errors are fixed' },
    'warning',
  )
  return kept
}

/** An image named in a YAML field with its pixel size, or undefined (reported) when missing. */
export async function resolveImage(
  ctx: LoadContext,
  file: string,
  source: YamlSource,
  /** Path of the field that holds the image's URL, e.g. ['hero', 'image'] or ['logo']. */
  field: (string | number)[],
  image: { image: string; alt: string; caption?: string; credit?: string },
): Promise<ContentImage | undefined> {
  const size = await readImageSize(ctx.root, image.image, ctx.images)
  if (!size) {
    ctx.report({
      file,
      line: source.lineOf(field),
      field: field.join('.'),
      message: `image ${image.image} not found (expected a file at images/${image.image.slice(8)})`,
    })
    return undefined
  }
  return { src: image.image, ...size, alt: image.alt, caption: image.caption, credit: image.credit }
}

export function newestFirst(
  a: { publishedTime: number; slug: string },
  b: { publishedTime: number; slug: string },
) {
  return b.publishedTime - a.publishedTime || a.slug.localeCompare(b.slug)
}
