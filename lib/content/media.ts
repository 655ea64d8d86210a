import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentDir } from '../env'
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
