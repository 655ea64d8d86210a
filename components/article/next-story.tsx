'use client'

import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { NextStoryTarget } from '@/lib/story-payload'
import { NextStoryLink } from './next-story-link'
import { APPEND_MARGIN, observeReach } from './reached'
import { StorySkeleton } from './story-skeleton'

// React Query and the story renderer load only for readers who get near the end of a story.
const ContinuousReader = lazy(() => import('./continuous-reader'))

interface Props {
  from: string
  next: NextStoryTarget
  siteName: string
}

/**
 * The "Next:" link. Server-rendered as a plain link, and it stays one: as the reader nears it,
 * continuous reading loads and prefetches the next story, then appends it below the link.
 */
const noSubscription = () => () => {}

export function NextStory({ from, next, siteName }: Props) {
  // Only with JavaScript (never in the server HTML) is there a story to make room for.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [near, setNear] = useState(false)
  const [reached, setReached] = useState(false)
  const link = useRef<HTMLElement>(null)

  useEffect(() => {
    const element = link.current
    if (!element) return
    // Prefetch a screen before the story is appended.
    const stopNearing = observeReach(element, '2400px 0px', () => setNear(true))
    const stopReaching = observeReach(element, APPEND_MARGIN, () => setReached(true))
    return () => {
      stopNearing()
      stopReaching()
    }
  }, [])

  return (
    <>
      <NextStoryLink ref={link} story={next} />
      {near ? (
        <Suspense fallback={<StorySkeleton />}>
          <ContinuousReader from={from} next={next} siteName={siteName} reading={reached} />
        </Suspense>
      ) : (
        enhanced && <StorySkeleton />
      )}
    </>
  )
}
