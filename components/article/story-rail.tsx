import { Link } from '@/components/ui/link'
import type { StoryTeaser } from '@/lib/teasers'
import { StoryCard } from './story-card'

interface Props {
  title: string
  stories: StoryTeaser[]
  timeZone: string
  more?: { href: string; label: string }
  variant?: 'standard' | 'compact'
}

/** A titled row of stories ("More in TV News", "Latest") with an optional link to the hub. */
export function StoryRail({ title, stories, timeZone, more, variant = 'standard' }: Props) {
  if (!stories.length) return null
  const id = `rail-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <section aria-labelledby={id} className="mt-12">
      <div className="mb-5 flex items-baseline justify-between gap-4 border-t-4 border-ink pt-2">
        <h2 id={id} className="font-serif text-2xl font-black">
          {title}
        </h2>
        {more && (
          <Link href={more.href} className="text-sm font-semibold text-accent hover:underline">
            {more.label} →
          </Link>
        )}
      </div>
      <ul
        className={
          variant === 'compact'
            ? 'grid gap-3 sm:grid-cols-2'
            : 'grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-4'
        }
      >
        {stories.map((story) => (
          <li key={story.slug}>
            <StoryCard story={story} timeZone={timeZone} variant={variant} />
          </li>
        ))}
      </ul>
    </section>
  )
}
