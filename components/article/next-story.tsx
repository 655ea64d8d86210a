'use client'

import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { NextLink } from '@/lib/story-payload'
import { NextStoryLink } from './next-story-link'

// React Query and the story renderer load only for readers who get near the end of a story.
const ContinuousReader = lazy(() => import('./continuous-reader'))

interface Props {
  from: string
  next: NextLink
  siteName: string
}

/**
 * The "Next:" link. Server-rendered as a plain link; in the browser, once it nears the viewport,
 * it hands over to continuous reading, which prefetches the next story.
 */
export function NextStory({ from, next, siteName }: Props) {
  const [near, setNear] = useState(false)
  const link = useRef<HTMLElement>(null)

  useEffect(() => {
    const element = link.current
    if (!element || near) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true)
      },
      { rootMargin: '1200px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [near])

  const plain = <NextStoryLink ref={link} story={next} />
  if (!near) return plain
  return (
    <Suspense fallback={plain}>
      <ContinuousReader from={from} next={next} siteName={siteName} />
    </Suspense>
  )
}
