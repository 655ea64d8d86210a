'use client'

import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { LiveEntryPayload } from '@/lib/live-payload'
import { getQueryClient } from '@/lib/queries/get-query-client'
import { liveUpdatesOptions } from '@/lib/queries/live'
import { LiveEntry } from './live-entry'

interface Props {
  slug: string
  /** The newest entry the server rendered (or the coverage's start). */
  since: string
  timeZone: string
  /** The story's canonical address and title, which each new entry shares with its anchor. */
  share: { url: string; title: string }
}

export default function LiveUpdates(props: Props) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Poller {...props} />
    </QueryClientProvider>
  )
}

/**
 * Looks for new entries every 30 s and offers them with a button rather than pushing the page
 * down under the reader; a press inserts them above the entries already shown.
 */
function Poller({ slug, since, timeZone, share }: Props) {
  const [inserted, setInserted] = useState<LiveEntryPayload[]>([])
  const list = useRef<HTMLOListElement>(null)
  const newest = inserted[0]?.update.at ?? since
  const { data } = useQuery(liveUpdatesOptions(slug, newest))
  const fresh = (data?.updates ?? []).filter(
    (entry) => !inserted.some((shown) => shown.update.id === entry.update.id),
  )
  const label = `${fresh.length} new ${fresh.length === 1 ? 'update' : 'updates'}`

  const insert = () => {
    setInserted((shown) => [...fresh, ...shown])
    // The first new entry takes focus, so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => list.current?.querySelector('a')?.focus())
  }

  return (
    <>
      {/* Always the same height, so that the button appearing moves nothing. */}
      <div className="flex h-12 items-center">
        {fresh.length > 0 && (
          <button
            type="button"
            onClick={insert}
            className="min-h-11 rounded-full bg-accent px-5 font-sans text-sm font-semibold text-accent-ink shadow hover:opacity-90"
          >
            {label}
          </button>
        )}
      </div>
      <p role="status" className="sr-only">
        {fresh.length > 0 ? label : ''}
      </p>
      {inserted.length > 0 && (
        <ol ref={list} aria-label="New updates" className="list-none space-y-6 ps-0">
          {inserted.map((entry) => (
            <LiveEntry
              key={entry.update.id}
              update={entry.update}
              body={entry.body}
              timeZone={timeZone}
              share={share}
            />
          ))}
        </ol>
      )}
    </>
  )
}
