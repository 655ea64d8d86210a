import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentDir } from '../env'
import sharp from 'sharp'
import { imageFile } from './images'

const TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
}

/** Reads a content image by its URL path (`/images/…`); undefined when there is none. */
export async function readContentImage(
  urlPath: string,
): Promise<{ body: Buffer; type: string } | undefined> {
  const file = imageFile(contentDir(), urlPath)
  const type = file && TYPES[path.extname(file).toLowerCase()]
  if (!file || !type) return undefined
  const body = await readFile(/*turbopackIgnore: true*/ file).catch(() => undefined)
  return body && { body, type }
}

export const CROPS = { '16x9': [1200, 675], '4x3': [1200, 900], '1x1': [1200, 1200] } as const
export type Crop = keyof typeof CROPS

const rendered = new Map<string, Promise<Buffer | undefined>>()

/**
 * A content image cropped to a fixed aspect ratio at 1200 px wide (search engines ask for
 * 16:9, 4:3 and 1:1 versions of a story's image), or resized to cover any box. Cached in memory.
 */
export function renderImage(
  urlPath: string,
  box: { width: number; height: number },
  format: 'webp' | 'jpeg' = 'webp',
): Promise<Buffer | undefined> {
  const file = imageFile(contentDir(), urlPath)
  if (!file) return Promise.resolve(undefined)
  const key = `${file}:${box.width}x${box.height}:${format}`
  let result = rendered.get(key)
  if (!result) {
    result = sharp(/*turbopackIgnore: true*/ file)
      .resize(box.width, box.height, { fit: 'cover', position: 'attention' })
      .toFormat(format, { quality: 80 })
      .toBuffer()
      .catch(() => undefined)
    rendered.set(key, result)
    void result.then((buffer) => {
      if (!buffer) rendered.delete(key)
    })
  }
  return result
}
