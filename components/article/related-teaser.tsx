import type { StoryTeaser } from '@/lib/teasers'
import { StoryCard } from './story-card'

/** A related story with the reason it was picked ("More on Luke Cage"). */
export function RelatedTeaser({
  story,
  reason,
  timeZone,
}: {
  story: StoryTeaser
  reason: string
  timeZone: string
}) {
  return (
    <aside aria-label="Related story" className="mx-auto mt-10 max-w-3xl border-t border-line pt-6">
      <StoryCard story={story} timeZone={timeZone} variant="compact" kicker={reason} as="h2" />
    </aside>
  )
}
