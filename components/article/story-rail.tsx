import { Link } from '@/components/ui/link'
import type { StoryTeaser } from '@/lib/teasers'
import { StoryCard } from './story-card'

interface Props {
  title: string
  stories: StoryTeaser[]
  timeZone: string
  more?: { href: string; label: string }
  /**
   * standard: a row of photo cards; compact: headlines with thumbnails; section: the first story
   * as a photo card beside the others' headlines (a section's front on the home page).
   */
  variant?: 'standard' | 'compact' | 'section'
}

const LIST_CLASS = {
  standard: 'grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-4',
  compact: 'grid gap-3 sm:grid-cols-2',
  section: 'grid gap-x-6 gap-y-3 md:grid-cols-2',
} as const

/** Half of the 72rem column (less its padding and gap) from md up, the full width below. */
const SECTION_LEAD_SIZES = '(min-width: 1152px) 548px, (min-width: 768px) 48vw, 100vw'

/**
 * A section's first story spans the rows of the headlines beside it, plus a last 1fr row that
 * takes the slack so the headlines stay packed at the top. Literal classes, for Tailwind's scan.
 */
const SECTION_ROWS = [
  ['', ''],
  ['md:grid-rows-[auto_1fr]', 'md:row-span-2'],
  ['md:grid-rows-[repeat(2,auto)_1fr]', 'md:row-span-3'],
  ['md:grid-rows-[repeat(3,auto)_1fr]', 'md:row-span-4'],
  ['md:grid-rows-[repeat(4,auto)_1fr]', 'md:row-span-5'],
  ['md:grid-rows-[repeat(5,auto)_1fr]', 'md:row-span-6'],
  ['md:grid-rows-[repeat(6,auto)_1fr]', 'md:row-span-7'],
] as const

/** A titled row of stories ("More in TV News", "Latest") with an optional link to the hub. */
export function StoryRail({ title, stories, timeZone, more, variant = 'standard' }: Props) {
  if (!stories.length) return null
  const [rows, span] =
    (variant === 'section' && SECTION_ROWS[Math.min(stories.length, SECTION_ROWS.length) - 1]) ||
    SECTION_ROWS[0]
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
      <ul className={`${LIST_CLASS[variant]} ${rows}`.trim()}>
        {stories.map((story, index) => {
          const first = variant === 'section' && index === 0
          return (
            <li key={story.slug} className={first ? `mb-3 md:mb-0 ${span}` : undefined}>
              <StoryCard
                story={story}
                timeZone={timeZone}
                variant={variant === 'section' ? (first ? 'standard' : 'headline') : variant}
                sizes={first ? SECTION_LEAD_SIZES : undefined}
                phone={first ? 'stacked' : undefined}
              />
            </li>
          )
        })}
      </ul>
    </section>
  )
}
