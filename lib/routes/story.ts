import { getLibrary } from '@/lib/content'
import { storyPayload } from '@/lib/story-payload'

/** `/api/stories/[slug]`: a story for continuous reading, skipping those already shown. */
export async function storyRoute(slug: string, exclude: readonly string[]) {
  return storyPayload(await getLibrary(), slug, exclude)
}
