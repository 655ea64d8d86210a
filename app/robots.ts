import type { MetadataRoute } from 'next'
import { siteRoute } from '@/lib/routes/site'
import { absoluteUrl } from '@/lib/seo/json-ld'

export const revalidate = 60

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { site } = await siteRoute()
  return {
    rules: { userAgent: '*', allow: '/', disallow: '/api/' },
    sitemap: [absoluteUrl(site.url, '/sitemap.xml'), absoluteUrl(site.url, '/news-sitemap.xml')],
  }
}
