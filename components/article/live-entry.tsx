import type { Root } from 'hast'
import type { Gallery, LiveUpdate } from '@/lib/content'
import { formatTime } from '@/lib/format'
import { Markdown } from './markdown'

interface Props {
  update: LiveUpdate
  body: Root
  timeZone: string
  galleries?: ReadonlyMap<string, Gallery>
}

/** One entry of a live story, its anchor its time (`#update-1789432500`). */
export function LiveEntry({ update, body, timeZone, galleries }: Props) {
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
      </article>
    </li>
  )
}
