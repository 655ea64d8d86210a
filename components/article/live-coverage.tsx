import type { Root } from 'hast'
import type { LiveStory } from '@/lib/article-story'
import type { Gallery } from '@/lib/content'
import { liveBody } from '@/lib/formats'
import { LiveEntry } from './live-entry'
import { LiveIsland } from './live-island'
import { Markdown } from './markdown'

interface Props {
  slug: string
  tree: Root
  live: LiveStory
  timeZone: string
  galleries: ReadonlyMap<string, Gallery>
  /** The page's own story checks for new entries; one appended by continuous reading doesn't. */
  lead: boolean
  /** The story's canonical address and title, which each entry shares with its anchor. */
  share: { url: string; title: string }
}

/** A live story: its summary, the key moments pinned on top, then every other entry, newest first. */
export function LiveCoverage({ slug, tree, live, timeZone, galleries, lead, share }: Props) {
  const { summary, updates } = liveBody(tree)
  const entry = (update: LiveStory['updates'][number]) => (
    <LiveEntry
      key={update.id}
      update={update}
      body={updates.get(update.at) ?? { type: 'root', children: [] }}
      timeZone={timeZone}
      galleries={galleries}
      share={share}
    />
  )
  const pinned = live.updates.filter((update) => update.pinned)
  const rest = live.updates.filter((update) => !update.pinned)
  return (
    <>
      <Markdown tree={summary} galleries={galleries} bare />
      {pinned.length > 0 && (
        <section aria-labelledby={`${slug}-key`} className="my-8 rounded-md bg-surface px-4 py-1">
          <h2
            id={`${slug}-key`}
            className="not-prose mt-4 font-sans text-sm font-bold tracking-wide uppercase"
          >
            Key moments
          </h2>
          <ol className="list-none space-y-6 ps-0">{pinned.map(entry)}</ol>
        </section>
      )}
      <section aria-labelledby={`${slug}-updates`}>
        <h2 id={`${slug}-updates`}>All updates</h2>
        {lead && live.status !== 'ended' && (
          <LiveIsland
            slug={slug}
            since={live.updates[0]?.at ?? live.start}
            timeZone={timeZone}
            share={share}
          />
        )}
        <ol className="list-none space-y-6 ps-0">{rest.map(entry)}</ol>
      </section>
    </>
  )
}
