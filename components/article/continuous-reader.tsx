'use client'

import { QueryClientProvider, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { getQueryClient } from '@/lib/queries/get-query-client'
import { continuousReadingOptions } from '@/lib/queries/stories'
import type { NextStoryTarget } from '@/lib/story-payload'
import { ArticleView } from './article-view'
import { NextStoryLink } from './next-story-link'
import { APPEND_MARGIN, observeReach } from './reached'
import { StorySkeleton } from './story-skeleton'

/** Stories appended below the first one before the reader is asked to click on. */
export const MAX_APPENDED = 3

interface Props {
  from: string
  next: NextStoryTarget
  siteName: string
  /** True once the reader has reached the first "Next:" link. */
  reading: boolean
}

export default function ContinuousReader(props: Props) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Reader {...props} />
    </QueryClientProvider>
  )
}

/** Calls `onReach` once when the element is reached (see observeReach), while `active`. */
function useReached(onReach: () => void, active: boolean) {
  const ref = useRef<HTMLElement>(null)
  const callback = useRef(onReach)
  useEffect(() => {
    callback.current = onReach
  })
  useEffect(() => {
    const element = ref.current
    if (!element || !active) return
    return observeReach(element, APPEND_MARGIN, () => callback.current())
  }, [active])
  return ref
}

/**
 * Appends the next stories below each "Next:" link as the reader reaches it, rendered by the
 * same ArticleView as the server page. The address bar and title follow the story in view
 * with replaceState: scrolling is not navigation, so Back returns to where the reader came from.
 */
function Reader({ from, next, siteName, reading }: Props) {
  const queryClient = useQueryClient()
  const options = continuousReadingOptions(from, next.slug)
  const query = useInfiniteQuery({ ...options, enabled: reading })

  useEffect(() => {
    void queryClient.prefetchInfiniteQuery(options)
    // Prefetch once, when continuous reading first mounts near the end of the story.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const pages = reading ? (query.data?.pages ?? []) : []
  const capped = pages.length >= MAX_APPENDED
  const canFetch = reading && pages.length > 0 && !capped && query.hasNextPage && !query.isFetching
  const lastLink = useReached(() => void query.fetchNextPage(), canFetch && !query.isError)

  useFollowStoryInView(siteName, pages.length)
  // Keep room reserved below the last link while another story can still come.
  const loading = reading && query.isFetching
  const moreToCome = !query.isError && (pages.length === 0 || (!capped && query.hasNextPage))

  return (
    <>
      {pages.map((page, index) => {
        const last = index === pages.length - 1
        return (
          <div key={page.story.slug}>
            <section aria-label={`Next story: ${page.story.title}`} className="mt-10">
              <ArticleView story={page.story} headingLevel="h2" lead={false} />
            </section>
            {page.next && (
              <NextStoryLink
                ref={last ? lastLink : undefined}
                story={page.next}
                label={last && capped ? 'Continue reading:' : 'Next:'}
              />
            )}
          </div>
        )
      })}
      {moreToCome && <StorySkeleton />}
      <p role="status" className="sr-only">
        {loading ? 'Loading the next story…' : ''}
      </p>
      {/* Fixed and always there, only fading: the notice itself never moves anything. */}
      <p
        aria-hidden="true"
        className={`pointer-events-none fixed bottom-4 left-1/2 -translate-x-1/2 rounded-full bg-ink px-4 py-2 text-sm text-page shadow transition-opacity ${loading ? 'opacity-100' : 'opacity-0'}`}
      >
        Loading the next story…
      </p>
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
