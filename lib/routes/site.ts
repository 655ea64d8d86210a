import { cache } from 'react'
import { getLibrary } from '@/lib/content'

/**
 * The whole library, for what every page shares (the root layout, the 404 page, the site's
 * social card) and for the route handlers that list it (feeds, sitemaps, robots.txt).
 */
export const siteRoute = cache(async () => {
  const library = await getLibrary()
  return { library, site: library.site, categories: library.categories }
})
