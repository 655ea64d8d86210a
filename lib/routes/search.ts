import { cache } from 'react'
import { getLibrary } from '@/lib/content'
import { searchLibrary } from '@/lib/search/search'

/** `/search?q=` and `/api/search`: one page of ranked results. */
export const searchRoute = cache(async (q: string, page: number) =>
  searchLibrary(await getLibrary(), q, page),
)
