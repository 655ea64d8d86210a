import { Link } from '@/components/ui/link'
import { GalleryStrip } from '@/components/gallery/gallery-strip'
import { ShareControl } from '@/components/share/share-control'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import type { ArticleStory } from '@/lib/article-story'
import { formatDateTime } from '@/lib/format'
import { LiveCoverage } from './live-coverage'
import { Markdown } from './markdown'
import { RankedList } from './ranked-list'
import { VerdictBox } from './verdict-box'

interface Props {
  story: ArticleStory
  /** h1 on the story's own page; h2 for a story appended by continuous reading. */
  headingLevel?: 'h1' | 'h2'
  /** The page's own story preloads its hero (the LCP element); appended ones don't. */
  lead?: boolean
}

/** One story: header, hero, body and the parts that belong to it (gallery, source, topics). */
export function ArticleView({ story, headingLevel: Heading = 'h1', lead = true }: Props) {
  const headingId = `story-${story.slug}`
  const updated = story.modifiedAt !== story.publishedAt
  const embedded = new Map(story.embeddedGalleries.map((gallery) => [gallery.slug, gallery]))
  return (
    <article
      aria-labelledby={headingId}
      data-story-url={story.url}
      data-story-title={story.title}
      className="mx-auto flex max-w-3xl flex-col sm:block"
    >
      {/* On a phone the hero comes straight after the headline and dek, so that the story's
          start fits the first screen; the byline follows it. Same DOM order everywhere. */}
      <header className="contents sm:block">
        <div className="order-first">
          <p className="flex items-center gap-3 text-sm font-bold tracking-wide text-accent uppercase">
            <Link href={story.category.url} className="hover:underline">
              {story.category.name}
            </Link>
            {story.live && <LiveBadge status={story.live.status} />}
          </p>
          <Heading
            id={headingId}
            className="mt-2 font-serif text-3xl leading-tight font-black text-balance sm:text-5xl"
          >
            {story.title}
          </Heading>
          <p className="mt-2 text-lg text-muted sm:mt-3 sm:text-xl">{story.dek}</p>
        </div>
        <div className="mt-4 flex items-center justify-between gap-3 border-y border-line py-3 text-sm sm:mt-5">
          <div>
            <p>
              By{' '}
              {story.authors.map((author, index) => (
                <span key={author.url}>
                  {index > 0 && (index === story.authors.length - 1 ? ' and ' : ', ')}
                  <Link href={author.url} rel="author" className="font-semibold hover:underline">
                    {author.name}
                  </Link>
                </span>
              ))}
            </p>
            <p className="mt-1 text-muted">
              Published{' '}
              <time dateTime={story.publishedAt}>
                {formatDateTime(story.publishedAt, story.timeZone)}
              </time>
              {updated && (
                <>
                  {' · '}Updated{' '}
                  <time dateTime={story.modifiedAt}>
                    {formatDateTime(story.modifiedAt, story.timeZone)}
                  </time>
                </>
              )}
              {' · '}
              {story.readingMinutes} min read
            </p>
          </div>
          <ShareControl url={story.canonicalUrl} title={story.title} className="shrink-0" />
        </div>
        {story.review && <VerdictBox review={story.review} />}
        {story.spoilers !== false && (
          <p
            role="note"
            className="mt-4 rounded border-l-4 border-accent bg-surface px-4 py-3 text-sm"
          >
            <strong>Spoiler warning:</strong>{' '}
            {typeof story.spoilers === 'string'
              ? `this story discusses ${story.spoilers}.`
              : 'this story discusses plot details.'}
          </p>
        )}
      </header>

      <figure className="order-first mt-4 sm:mt-6">
        <ResponsiveImage
          image={story.hero}
          lead={lead}
          sizes="(min-width: 800px) 768px, 100vw"
          className="h-auto w-full rounded-md"
        />
        {(story.hero.caption || story.hero.credit) && (
          <figcaption className="mt-2 text-sm text-muted">
            {story.hero.caption}
            {story.hero.credit && (
              <span className="ml-1 text-xs uppercase">{story.hero.credit}</span>
            )}
          </figcaption>
        )}
      </figure>

      <div className="prose-marquee prose prose-lg mt-8 max-w-none font-serif prose-figcaption:text-sm">
        {story.list ? (
          <RankedList
            tree={story.body}
            order={story.list.order}
            galleries={embedded}
            share={{ url: story.canonicalUrl, title: story.title }}
          />
        ) : story.live ? (
          <LiveCoverage
            slug={story.slug}
            tree={story.body}
            live={story.live}
            timeZone={story.timeZone}
            galleries={embedded}
            lead={lead}
            share={{ url: story.canonicalUrl, title: story.title }}
          />
        ) : (
          <Markdown tree={story.body} galleries={embedded} bare />
        )}
      </div>

      {story.gallery && !embedded.has(story.gallery.slug) && (
        <GalleryStrip gallery={story.gallery} />
      )}

      {story.source && (
        <p className="mt-8 text-sm">
          Source:{' '}
          <a
            href={story.source.url}
            rel="noopener"
            className="font-semibold text-accent hover:underline"
          >
            {story.source.name}
          </a>
        </p>
      )}

      {updated && story.updates.length > 0 && (
        <section aria-label="Updates" className="mt-6 rounded bg-surface p-4 text-sm">
          <h2 className="font-semibold">Updates</h2>
          <ul className="mt-2 space-y-1">
            {story.updates.map((update) => (
              <li key={update.at}>
                <time dateTime={update.at} className="font-semibold">
                  {formatDateTime(update.at, story.timeZone)}
                </time>
                : {update.note}
              </li>
            ))}
          </ul>
        </section>
      )}

      {story.topics.length > 0 && (
        <nav aria-label="Topics" className="mt-6">
          <ul className="flex flex-wrap gap-2">
            {story.topics.map((topic) => (
              <li key={topic.url}>
                <Link
                  href={topic.url}
                  className="inline-flex min-h-9 items-center rounded-full border border-line px-3 text-sm hover:border-accent hover:text-accent"
                >
                  {topic.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  )
}

/** "Live" while coverage is open, "Ended" after (as of the page's last render). */
function LiveBadge({ status }: { status: 'live' | 'ended' | 'upcoming' }) {
  if (status === 'ended') {
    return <span className="rounded border border-line px-2 py-0.5 text-xs text-muted">Ended</span>
  }
  return (
    <span className="inline-flex items-center gap-1.5 rounded bg-accent px-2 py-0.5 text-xs text-accent-ink">
      <span
        aria-hidden="true"
        className="size-2 rounded-full bg-current motion-safe:animate-pulse"
      />
      {status === 'live' ? 'Live' : 'Coming up'}
    </span>
  )
}
