/**
 * Writes a synthetic library to a folder: hard-links (or copies) a small set of real images from
 * an existing library, then streams the generated files to disk.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { synthLibrary, type SynthImages, type SynthOptions } from './generate'

/** Marks a folder as written by this script: only such a folder is replaced by `force`. */
export const MARKER = '.synth.json'

export interface WriteOptions extends SynthOptions {
  out: string
  /** The images/ folder to take the image set from (default: the repository's content/images). */
  imagesFrom: string
  /** Replace `out` if it holds an earlier synthetic library. */
  force?: boolean
}

export interface WriteStats {
  files: number
  bytes: number
  images: number
  ms: number
}

function listImages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(webp|avif|jpe?g|png)$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep))
    .map((parts) => parts.join('/'))
    .filter((file) => /^[a-z0-9][a-z0-9/_.-]*$/.test(file))
    .sort()
}

/** Links every image of the source set into `out/images`; returns their URL paths by use. */
function linkImages(from: string, out: string): SynthImages & { count: number } {
  const files = listImages(from)
  for (const file of files) {
    const target = path.join(out, 'images', file)
    mkdirSync(path.dirname(target), { recursive: true })
    try {
      linkSync(path.join(from, file), target)
    } catch {
      copyFileSync(path.join(from, file), target)
    }
  }
  const under = (dir: string) =>
    files.filter((file) => file.startsWith(`${dir}/`)).map((file) => `/images/${file}`)
  const logo = under('site')[0]
  if (!logo) throw new Error(`no site logo under ${from}/site`)
  return {
    heroes: under('articles'),
    slides: under('galleries'),
    avatars: under('authors'),
    logo,
    count: files.length,
  }
}

function prepare(out: string, force: boolean) {
  if (existsSync(out) && readdirSync(out).length) {
    if (!force || !existsSync(path.join(out, MARKER))) {
      throw new Error(
        `${out} is not empty. Use --force to replace a library this script wrote (it has ${MARKER}).`,
      )
    }
    for (const entry of readdirSync(out)) rmSync(path.join(out, entry), { recursive: true })
  }
  for (const dir of ['articles', 'galleries', 'authors', 'images']) {
    mkdirSync(path.join(out, dir), { recursive: true })
  }
}

export function writeSynthLibrary(options: WriteOptions): WriteStats {
  const started = performance.now()
  const out = path.resolve(options.out)
  prepare(out, options.force ?? false)
  const images = linkImages(path.resolve(options.imagesFrom), out)
  let files = 0
  let bytes = 0
  for (const file of synthLibrary(options, images)) {
    writeFileSync(path.join(out, file.path), file.text)
    files++
    bytes += Buffer.byteLength(file.text)
  }
  writeFileSync(
    path.join(out, MARKER),
    `${JSON.stringify({ seed: options.seed, articles: options.articles, until: options.until.toISOString() })}\n`,
  )
  return { files, bytes, images: images.count, ms: performance.now() - started }
}
