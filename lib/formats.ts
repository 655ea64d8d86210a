/**
 * How a story's format shapes its parsed body for the page: a ranked list's entries, a live
 * story's updates, a video's player addresses. Plain functions of the tree, with no dependency on
 * the loader, so the server page and continuous reading in the browser split a body the same way.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { isSectionHeading, RANK, textOf } from '@/lib/content/hast'

export interface RankedEntry {
  rank: number
  /** The heading's words after its number. */
  title: string
  /** The anchor: `/tv/worst-mcu-netflix-episodes#7`. */
  id: string
  heading: Element
  /** What follows the heading, up to the next entry or section. */
  body: Root
}

export interface RankedList {
  intro: Root
  entries: RankedEntry[]
  /** The first section after the last entry ("The tally") and everything below it. */
  outro: Root
}

const root = (children: RootContent[]): Root => ({ type: 'root', children })

/** Splits a ranked list's body at its numbered `##` headings (content:check has checked them). */
export function rankedList(tree: Root): RankedList {
  const intro: RootContent[] = []
  const outro: RootContent[] = []
  const entries: RankedEntry[] = []
  let current: RankedEntry | undefined
  for (const node of tree.children) {
    if (outro.length) {
      outro.push(node)
      continue
    }
    if (isSectionHeading(node)) {
      const text = textOf(node)
      const match = node.tagName === 'h2' ? RANK.exec(text) : null
      if (match) {
        const rank = Number(match[1])
        current = {
          rank,
          title: text.slice(match[0].length).trim(),
          id: String(rank),
          heading: node,
          body: root([]),
        }
        entries.push(current)
        continue
      }
      if (current) {
        outro.push(node)
        continue
      }
    }
    if (current) current.body.children.push(node)
    else intro.push(node)
  }
  return { intro: root(intro), entries, outro: root(outro) }
}

/** The heading's children without its number ("7. "), which the list shows in its own badge. */
export function headingWithoutRank(heading: Element): ElementContent[] {
  const [first, ...rest] = heading.children
  if (first?.type !== 'text') return heading.children
  return [{ ...first, value: first.value.replace(RANK, '') }, ...rest]
}

/** A live story's body: the summary above the updates, and each update's content by its time. */
export function liveBody(tree: Root): { summary: Root; updates: Map<string, Root> } {
  const summary: RootContent[] = []
  const updates = new Map<string, Root>()
  for (const node of tree.children) {
    const at = node.type === 'element' ? node.properties.dataUpdateAt : undefined
    if (node.type === 'element' && typeof at === 'string') {
      updates.set(at, root(node.children))
    } else {
      summary.push(node)
    }
  }
  return { summary: root(summary), updates }
}

/** How often an open live story looks for new entries (components/article/live-island.tsx). */
export const LIVE_POLL_MS = 30_000

/** A live story is live from its start until its end (if it has one). */
export function liveStatus(
  live: { start: string; end?: string },
  now: number,
): 'live' | 'ended' | 'upcoming' {
  if (live.end && Date.parse(live.end) <= now) return 'ended'
  return Date.parse(live.start) > now ? 'upcoming' : 'live'
}

export interface VideoTarget {
  provider: 'youtube' | 'vimeo'
  id: string
}

/** Where the video plays without JavaScript: the host's own page. */
export function watchUrl({ provider, id }: VideoTarget): string {
  return provider === 'youtube'
    ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`
    : `https://vimeo.com/${encodeURIComponent(id)}`
}

/** The privacy-enhanced player (no cookies until play; Vimeo with do-not-track). */
export function embedUrl({ provider, id }: VideoTarget, autoplay = false): string {
  const play = autoplay ? (provider === 'youtube' ? '?autoplay=1' : '?autoplay=1&dnt=1') : ''
  return provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}${play}`
    : `https://player.vimeo.com/video/${encodeURIComponent(id)}${play || '?dnt=1'}`
}
