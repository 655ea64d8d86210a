import { draftMode } from 'next/headers'
import { z } from 'zod'

/**
 * True when an editor entered preview through /api/preview: pages then show drafts and
 * scheduled stories. Next answers such requests uncached (`private, no-store`), never from ISR.
 */
export async function isPreview(): Promise<boolean> {
  return (await draftMode()).isEnabled
}

/** Where /api/preview sends the editor: a path on this site, never another origin. */
export const previewQuery = z.object({
  secret: z.string().max(200).optional(),
  path: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)[^\s\\]*$/, 'expected a path on this site, like /tv/my-story')
    .default('/'),
})
