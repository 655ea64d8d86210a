import { Link } from '@/components/ui/link'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import { Stars } from '@/components/ui/stars'
import { formatDate, joinNames } from '@/lib/format'
import type { StoryTeaser } from '@/lib/teasers'

interface Props {
  story: StoryTeaser
  timeZone: string
  /**
   * lead: the big photo card; standard: photo, headline, dek and byline; compact: headline and a
   * thumbnail; headline: the headline and date only, for lists under a section's first story.
   */
  variant?: 'lead' | 'standard' | 'compact' | 'headline'
  /** Heading level that fits the list the card sits in. */
  as?: 'h2' | 'h3'
  /** A short line above the headline, e.g. a related story's reason. */
  kicker?: string
  lead?: boolean
  /** The photo's rendered width at each breakpoint, where the card is not in a row of four. */
  sizes?: string
}

export function StoryCard({
  story,
  timeZone,
  variant = 'standard',
  as: Heading = 'h3',
  kicker,
  lead,
  sizes,
}: Props) {
  const date = <time dateTime={story.publishedAt}>{formatDate(story.publishedAt, timeZone)}</time>
  const score = story.score !== undefined && (
    <p className="mt-1">
      <Stars score={story.score} />
    </p>
  )
  if (variant === 'compact' || variant === 'headline') {
    const compact = variant === 'compact'
    const text = (
      <>
        {compact && (
          <p className="mb-1 text-xs font-bold text-accent uppercase">
            {kicker ?? story.category.name}
          </p>
        )}
        <Heading className="leading-snug font-semibold">
          <Link href={story.url} className="hover:text-accent">
            {story.title}
          </Link>
        </Heading>
        {score}
        <p className="mt-1 text-xs text-muted">{date}</p>
      </>
    )
    if (!compact) return <article className="border-t border-line pt-3">{text}</article>
    return (
      <article className="flex gap-3 border-t border-line pt-3">
        <div className="min-w-0 flex-1">{text}</div>
        <ResponsiveImage
          image={story.hero}
          alt=""
          box={{ width: 96, height: 64 }}
          className="h-16 w-24 shrink-0 rounded object-cover"
        />
      </article>
    )
  }
  const isLead = variant === 'lead'
  return (
    <article className={isLead ? 'grid gap-4 md:grid-cols-5' : 'flex flex-col gap-3'}>
      <Link
        href={story.url}
        tabIndex={-1}
        aria-hidden="true"
        className={isLead ? 'md:col-span-3' : ''}
      >
        <ResponsiveImage
          image={story.hero}
          alt=""
          lead={lead}
          sizes={
            sizes ??
            (isLead
              ? '(min-width: 1152px) 690px, (min-width: 768px) 60vw, 100vw'
              : '(min-width: 1152px) 360px, (min-width: 640px) 45vw, 100vw')
          }
          className="aspect-video w-full rounded-md object-cover"
        />
      </Link>
      <div className={isLead ? 'md:col-span-2' : ''}>
        <p className="text-xs font-bold tracking-wide text-accent uppercase">
          {kicker ?? story.category.name}
        </p>
        <Heading
          className={`mt-1 font-serif leading-tight font-bold ${isLead ? 'text-3xl md:text-4xl' : 'text-xl'}`}
        >
          <Link href={story.url} className="hover:text-accent">
            {story.title}
          </Link>
        </Heading>
        {score}
        <p className={`mt-2 text-muted ${isLead ? 'text-lg' : 'text-sm'}`}>{story.dek}</p>
        <p className="mt-2 text-xs text-muted">
          By {joinNames(story.authors)} · {date}
        </p>
      </div>
    </article>
  )
}
