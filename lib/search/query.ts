import { z } from 'zod'
import { QUERY_MAX } from './types'

/** `q` and `page` of /search and /api/search: 1–200 characters, a page from 1. */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(QUERY_MAX, `q must be at most ${QUERY_MAX} characters`),
  page: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, 'page must be a whole number from 1 to 9999')
    .transform(Number)
    .default(1),
})

export type SearchQuery = z.output<typeof searchQuerySchema>

/** Reads the first value of each parameter, as a browser form would send it. */
export function parseSearchParams(params: URLSearchParams | Record<string, unknown>) {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
  const entries =
    params instanceof URLSearchParams
      ? { q: params.get('q') ?? undefined, page: params.get('page') ?? undefined }
      : { q: first(params.q), page: first(params.page) }
  return searchQuerySchema.safeParse(entries)
}
