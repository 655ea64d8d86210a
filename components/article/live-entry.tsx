import type { Root } from 'hast'
import type { Gallery, LiveUpdate } from '@/lib/content'
import { ShareControl } from '@/components/share/share-control'
import { formatTime } from '@/lib/format'
import { Markdown } from './markdown'

interface Props {
  update: LiveUpdate
  body: Root
  timeZone: string
  galleries?: ReadonlyMap<string, Gallery>
  /** The story's canonical address and title: the entry shares its own anchor of it. */
  share: { url: string; title: string }
}

/** One entry of a live story, its anchor its time (`#update-1789432500`). */
export function LiveEntry({ update, body, timeZone, galleries, share }: Props) {
  return (
    <li id={update.id} className="scroll-mt-24 border-t border-line pt-4">
      <article aria-labelledby={`${update.id}-time`}>
        <p className="flex flex-wrap items-baseline gap-x-3 font-sans">
          <a
            href={`#${update.id}`}
            id={`${update.id}-time`}
            className="text-sm font-bold text-accent hover:underline"
          >
            <time dateTime={update.at}>{formatTime(update.at, timeZone)}</time>
          </a>
          {update.pinned && (
            <span className="text-xs font-bold tracking-wide uppercase">Key moment</span>
          )}
        </p>
        {update.title && <h3 className="mt-1">{update.title}</h3>}
        <Markdown tree={body} galleries={galleries} bare />
        <ShareControl
          url={share.url}
          anchor={update.id}
          title={`${share.title}: ${update.title ?? formatTime(update.at, timeZone)}`}
          label={`the update of ${formatTime(update.at, timeZone)}`}
          align="start"
          className="not-prose mt-3 font-sans"
        />
      </article>
    </li>
  )
}
