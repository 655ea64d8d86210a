'use client'

import { lazy, Suspense, useEffect, useState } from 'react'
import { LIVE_POLL_MS } from '@/lib/formats'

// React Query and the entry renderer load when the first check is due, 30 s after the page:
// nothing of them is in the page's own load.
const LiveUpdates = lazy(() => import('./live-updates'))

interface Props {
  slug: string
  /** The newest entry the server rendered (or the coverage's start). */
  since: string
  timeZone: string
  /** The story's canonical address and title, which each new entry shares with its anchor. */
  share: { url: string; title: string }
}

/** The open live story's update checker, in a box of the height its button takes. */
export function LiveIsland(props: Props) {
  const [due, setDue] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), LIVE_POLL_MS)
    return () => clearTimeout(timer)
  }, [])
  const box = <div className="h-12" />
  if (!due) return box
  return (
    <Suspense fallback={box}>
      <LiveUpdates {...props} />
    </Suspense>
  )
}
