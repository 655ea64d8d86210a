import type { Metadata } from 'next'
import { AuthorHub } from '@/components/hubs/author-hub'
import { pagedUrl } from '@/lib/hubs'
import { authorPageRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ slug: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: author, stories } = await authorPageRoute.page(params)
  return pageMetadata(site, {
    title: `${author.name}, page ${stories.page}`,
    description: `${author.name}, ${author.role}: stories and profile.`,
    path: pagedUrl(author.url, stories.page),
  })
}

export default async function AuthorPagedPage({ params }: Props) {
  const { site, hub, stories, galleries } = await authorPageRoute.page(params)
  return <AuthorHub author={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
