'use client'

import { QueryClientProvider, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { getQueryClient } from '@/lib/queries/get-query-client'
import { continuousReadingOptions } from '@/lib/queries/stories'
import type { NextLink } from '@/lib/story-payload'
import { ArticleView } from './article-view'
import { NextStoryLink } from './next-story-link'

/** Stories appended below the first one before the reader is asked to click on. */
export const MAX_APPENDED = 3

interface Props {
  from: string
  next: NextLink
  siteName: string
}

export default function ContinuousReader(props: Props) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Reader {...props} />
    </QueryClientProvider>
  )
}

/** Calls `onReach` once when the element scrolls within `margin` of the viewport. */
function useReached(onReach: () => void, margin: string, active = true) {
  const ref = useRef<HTMLElement>(null)
  const callback = useRef(onReach)
  useEffect(() => {
    callback.current = onReach
  })
  useEffect(() => {
    const element = ref.current
    if (!element || !active) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        observer.disconnect()
        callback.current()
      },
      { rootMargin: margin },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [margin, active])
  return ref
}

/**
 * Appends the next stories as the reader reaches the end of each, rendered by the same
 * ArticleView as the server page. The address bar and title follow the story in view with
 * replaceState: scrolling is not navigation, so Back returns to where the reader came from.
 */
function Reader({ from, next, siteName }: Props) {
  const queryClient = useQueryClient()
  const options = continuousReadingOptions(from, next.slug)
  const [reading, setReading] = useState(false)
  const query = useInfiniteQuery({ ...options, enabled: reading })

  useEffect(() => {
    void queryClient.prefetchInfiniteQuery(options)
    // Prefetch once, when continuous reading first mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const pages = reading ? (query.data?.pages ?? []) : []
  const last = pages.at(-1)
  const upcoming = pages.length === 0 ? next : (last?.next ?? undefined)
  const capped = pages.length >= MAX_APPENDED
  const waiting = query.isFetching || query.isError

  const endOfFirst = useReached(() => setReading(true), '0px 0px 300px 0px', !reading)
  const endOfLast = useReached(
    () => void query.fetchNextPage(),
    '0px 0px 300px 0px',
    reading && pages.length > 0 && !capped && !waiting && query.hasNextPage,
  )

  useFollowStoryInView(siteName, pages.length)

  return (
    <>
      {!reading && <NextStoryLink ref={endOfFirst} story={next} />}
      {pages.map((page) => (
        <section
          key={page.story.slug}
          aria-label={`Next story: ${page.story.title}`}
          className="mt-16"
        >
          <p className="mx-auto mb-6 max-w-3xl border-t-4 border-ink pt-2 text-sm font-bold text-muted uppercase">
            Next story
          </p>
          <ArticleView story={page.story} headingLevel="h2" lead={false} />
        </section>
      ))}
      {reading && upcoming && (
        <NextStoryLink
          ref={capped ? undefined : endOfLast}
          story={upcoming}
          label={capped ? 'Continue reading:' : 'Next:'}
        />
      )}
      {query.isFetching && (
        <p role="status" className="mx-auto mt-4 max-w-3xl text-sm text-muted">
          Loading the next story…
        </p>
      )}
    </>
  )
}

/** Keeps the address bar and document title on the story crossing the middle of the screen. */
function useFollowStoryInView(siteName: string, storyCount: number) {
  useEffect(() => {
    const stories = document.querySelectorAll<HTMLElement>('[data-story-url]')
    if (stories.length < 2) return
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.find((candidate) => candidate.isIntersecting)
        const { storyUrl, storyTitle } = (entry?.target as HTMLElement | undefined)?.dataset ?? {}
        if (!storyUrl || !storyTitle || window.location.pathname === storyUrl) return
        window.history.replaceState(null, '', storyUrl)
        document.title = `${storyTitle} | ${siteName}`
      },
      { rootMargin: '-45% 0px -55% 0px' },
    )
    stories.forEach((story) => observer.observe(story))
    return () => observer.disconnect()
  }, [siteName, storyCount])
}
