import type { StoryTeaser } from '@/lib/teasers'
import { StoryCard } from './story-card'

interface Props {
  stories: StoryTeaser[]
  timeZone: string
  /** The first card's photo is the page's largest paint: preload it instead of lazy-loading. */
  leadFirst?: boolean
}

/** The one list layout shared by the home page, hubs and author pages. */
export function StoryGrid({ stories, timeZone, leadFirst = false }: Props) {
  return (
    <ul className="grid gap-x-6 gap-y-8 sm:grid-cols-2 sm:gap-y-10 lg:grid-cols-3">
      {stories.map((story, index) => (
        <li key={story.slug}>
          <StoryCard story={story} timeZone={timeZone} as="h2" lead={leadFirst && index === 0} />
        </li>
      ))}
    </ul>
  )
}
