import { Link } from '@/components/ui/link'
import type { Ref } from 'react'
import type { NextStoryTarget } from '@/lib/story-payload'

interface Props {
  story: NextStoryTarget
  ref?: Ref<HTMLElement>
  /** "Next:" on a story page; "Continue reading:" where continuous reading stops. */
  label?: string
}

/** "Next: <title>": a plain link any reader or crawler can follow. */
export function NextStoryLink({ story, ref, label = 'Next:' }: Props) {
  return (
    <nav ref={ref} aria-label="Next story" className="mx-auto mt-10 max-w-3xl">
      <Link
        href={story.url}
        className="group block rounded-lg border-2 border-ink p-5 hover:border-accent"
      >
        <span className="block text-sm font-bold text-accent uppercase">{label}</span>{' '}
        <span className="mt-1 block font-serif text-2xl font-bold group-hover:underline">
          {story.title}
        </span>
      </Link>
    </nav>
  )
}
