/** First URL segments owned by fixed routes: no category may take them. */
export const RESERVED_CATEGORY_SLUGS = new Set([
  'gallery',
  'author',
  'topic',
  'search',
  'api',
  'images',
  'feeds',
  'feed',
  'sitemap',
  'sitemaps',
  'news-sitemap',
  'robots',
  'page',
  'opengraph-image',
  'reviews',
])
/** Second URL segments owned by fixed routes under a category: no article may take them. */
export const RESERVED_ARTICLE_SLUGS = new Set(['page', 'feed', 'opengraph-image'])
