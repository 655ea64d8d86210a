import type { Publishable } from './types'

/**
 * The one publishing rule: an item is visible when it is not a draft and its publishedAt has
 * come. Every page, list, sitemap and feed asks this function.
 */
export function isPublished(item: Publishable, now: number = Date.now()): boolean {
  return !item.draft && item.publishedTime <= now
}
