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
  /**
   * A standard card on a phone: stacked, the photo across the screen, for a page's or a section's
   * first story; or a row, the headline beside a thumbnail, for the stories after it (the default
   * unless `lead`): more headlines to a screen and a fraction of the image bytes.
   */
  phone?: 'stacked' | 'row'
}

/** A card's photo from the `sm` breakpoint up: in a grid of two, then three. */
const CARD_FROM_SM = '(min-width: 1152px) 360px, (min-width: 640px) 45vw'
/** A card stacked on a phone: its photo across the screen. */
export const CARD_SIZES = `${CARD_FROM_SM}, 100vw`
/** A card as a phone row: an 8rem thumbnail under the `sm` breakpoint. */
export const ROW_SIZES = `${CARD_FROM_SM}, 128px`
/** At most 460 CSS px (45vw below 1024 px), twice that on a 2x screen: the 1080 px file. */
export const ROW_WIDEST = 1080

export function StoryCard({
  story,
  timeZone,
  variant = 'standard',
  as: Heading = 'h3',
  kicker,
  lead,
  sizes,
  phone = lead ? 'stacked' : 'row',
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
  const row = !isLead && phone === 'row'
  return (
    <article
      className={`relative ${
        isLead
          ? 'grid gap-4 md:grid-cols-5'
          : row
            ? 'grid grid-cols-[1fr_8rem] items-start gap-x-4 sm:flex sm:flex-col sm:items-stretch sm:gap-3'
            : 'flex flex-col gap-3'
      }`}
    >
      <ResponsiveImage
        image={story.hero}
        alt=""
        lead={lead}
        sizes={
          sizes ??
          (isLead
            ? '(min-width: 1152px) 690px, (min-width: 768px) 60vw, 100vw'
            : row
              ? ROW_SIZES
              : CARD_SIZES)
        }
        widest={row ? ROW_WIDEST : undefined}
        className={`aspect-video w-full rounded-md object-cover ${isLead ? 'md:col-span-3' : row ? 'col-start-2 row-start-1' : ''}`}
      />
      <div
        className={isLead ? 'md:col-span-2' : row ? 'col-start-1 row-start-1 min-w-0' : undefined}
      >
        <p className="text-xs font-bold tracking-wide text-accent uppercase">
          {kicker ?? story.category.name}
        </p>
        <Heading
          className={`mt-1 font-serif leading-tight font-bold ${isLead ? 'text-3xl md:text-4xl' : row ? 'text-lg sm:text-xl' : 'text-xl'}`}
        >
          {/* One link per card, stretched over it (its ::after), photo included. */}
          <Link href={story.url} className="after:absolute after:inset-0 hover:text-accent">
            {story.title}
          </Link>
        </Heading>
        {score}
        <p
          className={`mt-2 text-muted ${isLead ? 'text-lg' : row ? 'hidden text-sm sm:block' : 'text-sm'}`}
        >
          {story.dek}
        </p>
        <p className="mt-2 text-xs text-muted">
          By {joinNames(story.authors)} · {date}
        </p>
      </div>
    </article>
  )
}
