import type { StoryTeaser } from '@/lib/teasers'
import { StoryCard } from './story-card'

/** The one list layout shared by the home page, hubs and author pages. */
export function StoryGrid({ stories, timeZone }: { stories: StoryTeaser[]; timeZone: string }) {
  return (
    <ul className="grid gap-x-6 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {stories.map((story) => (
        <li key={story.slug}>
          <StoryCard story={story} timeZone={timeZone} as="h2" />
        </li>
      ))}
    </ul>
  )
}
