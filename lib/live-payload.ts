import type { Root } from 'hast'
import { z } from 'zod'
import { findArticle, type Library, type LiveUpdate } from '@/lib/content'
import { dateTimeSchema, slugSchema } from '@/lib/content/schema'
import { liveBody, liveStatus } from '@/lib/formats'

/** One new entry of a live story: its time and anchor, and its body to render in the browser. */
export interface LiveEntryPayload {
  update: LiveUpdate
  body: Root
}

/** What /api/live/[slug] answers: whether coverage is open, and the entries after `since`. */
export interface LivePayload {
  status: 'live' | 'ended' | 'upcoming'
  /** Newest first. */
  updates: LiveEntryPayload[]
}

export const liveRequestSchema = z.object({
  slug: slugSchema,
  /** The newest entry the reader has (its `at`); without it, every entry. */
  since: dateTimeSchema.optional(),
})

/** The published live story's entries newer than `since`; undefined for anything else. */
export function livePayload(
  library: Library,
  slug: string,
  since: string | undefined,
  now = Date.now(),
): LivePayload | undefined {
  const article = findArticle(library, slug, { now })
  if (!article?.live) return undefined
  const after = since ? Date.parse(since) : -Infinity
  const fresh = article.live.updates.filter((update) => update.time > after)
  const bodies = fresh.length ? liveBody(article.body).updates : new Map<string, Root>()
  return {
    status: liveStatus(article.live, now),
    updates: fresh.map((update) => ({
      update,
      body: bodies.get(update.at) ?? { type: 'root', children: [] },
    })),
  }
}
