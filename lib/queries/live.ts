import { queryOptions } from '@tanstack/react-query'
import { LIVE_POLL_MS } from '@/lib/formats'
import type { LivePayload } from '@/lib/live-payload'

export class LiveFetchError extends Error {
  readonly code = 'LIVE_FETCH_FAILED'

  constructor(readonly status: number) {
    super(`The live updates could not be loaded (HTTP ${status})`)
    this.name = 'LiveFetchError'
  }
}

/**
 * Entries of a live story newer than `since`: asked at once (the island mounts when the first
 * check is due), then every 30 s while coverage is open.
 */
export function liveUpdatesOptions(slug: string, since: string) {
  return queryOptions({
    queryKey: ['live', slug, since],
    queryFn: async ({ signal }): Promise<LivePayload> => {
      const response = await fetch(
        `/api/live/${encodeURIComponent(slug)}?since=${encodeURIComponent(since)}`,
        { signal },
      )
      if (!response.ok) throw new LiveFetchError(response.status)
      return (await response.json()) as LivePayload
    },
    staleTime: LIVE_POLL_MS - 1_000,
    refetchInterval: (query) => (query.state.data?.status === 'ended' ? false : LIVE_POLL_MS),
    refetchIntervalInBackground: false,
  })
}
