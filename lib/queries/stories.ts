import { infiniteQueryOptions } from '@tanstack/react-query'
import type { StoryPayload } from '@/lib/story-payload'

export class StoryFetchError extends Error {
  readonly code = 'STORY_FETCH_FAILED'

  constructor(readonly status: number) {
    super(`The story could not be loaded (HTTP ${status})`)
    this.name = 'StoryFetchError'
  }
}

export async function fetchStory(
  slug: string,
  exclude: readonly string[],
  signal?: AbortSignal,
): Promise<StoryPayload> {
  const query = exclude.length ? `?exclude=${exclude.map(encodeURIComponent).join(',')}` : ''
  const response = await fetch(`/api/stories/${encodeURIComponent(slug)}${query}`, { signal })
  if (!response.ok) throw new StoryFetchError(response.status)
  return (await response.json()) as StoryPayload
}

interface StoryPage {
  slug: string
  /** Every story already on the page, so reading never loops back. */
  shown: string[]
}

/**
 * Continuous reading: page 0 is the story after `from`; each next page follows the previous
 * story's `next`, excluding everything already shown.
 */
export function continuousReadingOptions(from: string, first: string) {
  return infiniteQueryOptions({
    queryKey: ['continuous-reading', from, first],
    initialPageParam: { slug: first, shown: [from] } as StoryPage,
    queryFn: ({ pageParam, signal }) => fetchStory(pageParam.slug, pageParam.shown, signal),
    getNextPageParam: (last, _pages, param): StoryPage | undefined =>
      last.next ? { slug: last.next.slug, shown: [...param.shown, param.slug] } : undefined,
  })
}
