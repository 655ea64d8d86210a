import type { Root } from 'hast'
import type { Gallery } from '@/lib/content'
import { ShareControl } from '@/components/share/share-control'
import { headingWithoutRank, rankedList } from '@/lib/formats'
import { Markdown } from './markdown'

interface Props {
  tree: Root
  order: 'down' | 'up'
  galleries: ReadonlyMap<string, Gallery>
  /** The story's canonical address and title: each entry shares its own anchor of it. */
  share: { url: string; title: string }
}

/**
 * A ranked list: the intro, a "Jump to" row of the entries' numbers, the entries as an ordered
 * list (each `<li>` its anchor, `/tv/x#7`), then whatever follows the last entry.
 */
export function RankedList({ tree, order, galleries, share }: Props) {
  const { intro, entries, outro } = rankedList(tree)
  return (
    <>
      <Markdown tree={intro} galleries={galleries} bare />
      <nav aria-label="Jump to an entry" className="not-prose my-6 rounded-md bg-surface p-4">
        <p className="text-sm font-semibold">Jump to</p>
        <ol className="mt-2 flex flex-wrap gap-2">
          {entries.map((entry) => (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                aria-label={`${entry.rank}. ${entry.title}`}
                title={entry.title}
                className="inline-flex size-10 items-center justify-center rounded-md border border-line font-semibold tabular-nums hover:border-accent hover:text-accent"
              >
                {entry.rank}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <ol reversed={order === 'down'} className="list-none ps-0">
        {entries.map((entry) => (
          <li key={entry.id} id={entry.id} value={entry.rank} className="scroll-mt-24 ps-0">
            <h2 className="flex items-baseline gap-3">
              <span className="inline-flex min-w-12 shrink-0 items-center justify-center rounded-md bg-accent px-2 font-sans text-accent-ink tabular-nums">
                {entry.rank}
                <span className="sr-only">.</span>
              </span>
              <span>
                <Markdown
                  tree={{ type: 'root', children: headingWithoutRank(entry.heading) }}
                  bare
                />
              </span>
            </h2>
            <Markdown tree={entry.body} galleries={galleries} bare />
            <ShareControl
              url={share.url}
              anchor={entry.id}
              title={`${share.title}: ${entry.rank}. ${entry.title}`}
              label={`entry ${entry.rank}`}
              align="start"
              className="not-prose mt-3 font-sans"
            />
          </li>
        ))}
      </ol>
      <Markdown tree={outro} galleries={galleries} bare />
    </>
  )
}
