import { stat } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

export interface ImageSize {
  width: number
  height: number
}

const cache = new Map<string, { mtimeMs: number; size: ImageSize }>()

/** Maps a content image URL (`/images/a/b.webp`) to its file in the library. */
export function imageFile(root: string, src: string): string | undefined {
  if (!src.startsWith('/images/')) return undefined
  const file = path.resolve(root, 'images', src.slice('/images/'.length))
  return file.startsWith(path.resolve(root, 'images') + path.sep) ? file : undefined
}

/**
 * Reads an image's pixel size from its header (so pages reserve the space: no layout shift),
 * cached by file and modification time. Returns undefined when the file is missing or unreadable.
 */
export function readImageSize(
  root: string,
  src: string,
  /**
   * Sizes already read during one library load, by URL: an image many stories share is read
   * once, and its path resolved once.
   */
  seen?: Map<string, Promise<ImageSize | undefined>>,
): Promise<ImageSize | undefined> {
  const known = seen?.get(src)
  if (known) return known
  const file = imageFile(root, src)
  const size = file ? sizeOf(file) : Promise.resolve(undefined)
  seen?.set(src, size)
  return size
}

/** The size last read for an image, without touching the file (undefined when never read). */
export function knownImageSize(root: string, src: string): ImageSize | undefined {
  const file = imageFile(root, src)
  return file ? cache.get(file)?.size : undefined
}

async function sizeOf(file: string): Promise<ImageSize | undefined> {
  const info = await stat(/*turbopackIgnore: true*/ file).catch(() => undefined)
  if (!info?.isFile()) return undefined
  const hit = cache.get(file)
  if (hit && hit.mtimeMs === info.mtimeMs) return hit.size
  const meta = await sharp(file)
    .metadata()
    .catch(() => undefined)
  if (!meta?.width || !meta.height) return undefined
  const size = { width: meta.width, height: meta.height }
  cache.set(file, { mtimeMs: info.mtimeMs, size })
  return size
}
