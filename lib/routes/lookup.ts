import { notFound, permanentRedirect } from 'next/navigation'
import type { z } from 'zod'

/** What lives at an address: the thing itself, a permanent move elsewhere, or nothing. */
export type Lookup<T> = { found: T } | { movedTo: string } | { missing: true }

export const MISSING = { missing: true } as const

/**
 * One route type's lookup, read the way each file of the route needs it. `lookup` holds the
 * rules (preview, redirects, the category check) and is wrapped in React `cache()` by its
 * module, so the page, generateMetadata and the @head slot of one request look it up once.
 * Malformed params are a 404, never a 500: no page lives there.
 */
export function defineRoute<Schema extends z.ZodType, T>(
  schema: Schema,
  lookup: (params: z.output<Schema>) => Promise<Lookup<T>>,
) {
  async function resolve(params: Promise<unknown>): Promise<Lookup<T>> {
    const parsed = schema.safeParse(await params)
    return parsed.success ? lookup(parsed.data) : MISSING
  }
  return {
    /** The outcome itself, for a route handler that answers with a Response. */
    lookup: resolve,
    /** The page and its generateMetadata: a moved address redirects (308), a missing one 404s. */
    async page(params: Promise<unknown>): Promise<T> {
      const outcome = await resolve(params)
      if ('movedTo' in outcome) permanentRedirect(outcome.movedTo)
      if ('missing' in outcome) notFound()
      return outcome.found
    },
    /**
     * The @head slot renders beside the page, which sets the status and redirects: it only
     * adds structured data for what the page serves, and throws nothing of its own.
     */
    async head(params: Promise<unknown>): Promise<T | undefined> {
      const outcome = await resolve(params)
      return 'found' in outcome ? outcome.found : undefined
    },
    /**
     * A social image exists only at the page's own address, the one its metadata links: a moved
     * or unknown address 404s rather than redirect an image request to a page.
     */
    async image(params: Promise<unknown>): Promise<T> {
      const outcome = await resolve(params)
      if (!('found' in outcome)) notFound()
      return outcome.found
    },
  }
}
