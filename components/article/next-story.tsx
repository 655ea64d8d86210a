'use client'

import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { NextLink } from '@/lib/story-payload'
import { NextStoryLink } from './next-story-link'
import { reachedOrPassed } from './reached'

// React Query and the story renderer load only for readers who get near the end of a story.
const ContinuousReader = lazy(() => import('./continuous-reader'))

interface Props {
  from: string
  next: NextLink
  siteName: string
}

/**
 * The "Next:" link. Server-rendered as a plain link, and it stays one: near the viewport it
 * loads continuous reading (which prefetches the next story), and once the reader reaches it
 * the next story is appended below it.
 */
export function NextStory({ from, next, siteName }: Props) {
  const [near, setNear] = useState(false)
  const [reached, setReached] = useState(false)
  const link = useRef<HTMLElement>(null)

  useEffect(() => {
    const element = link.current
    if (!element) return
    const watch = (margin: string, onReach: () => void) => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some(reachedOrPassed)) return
          observer.disconnect()
          onReach()
        },
        { rootMargin: margin },
      )
      observer.observe(element)
      return observer
    }
    const nearing = watch('1200px 0px', () => setNear(true))
    const reaching = watch('0px 0px 300px 0px', () => setReached(true))
    return () => {
      nearing.disconnect()
      reaching.disconnect()
    }
  }, [])

  return (
    <>
      <NextStoryLink ref={link} story={next} />
      {near && (
        <Suspense fallback={null}>
          <ContinuousReader from={from} next={next} siteName={siteName} reading={reached} />
        </Suspense>
      )}
    </>
  )
}
