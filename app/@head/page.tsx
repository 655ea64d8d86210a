import { JsonLd } from '@/components/seo/json-ld'
import { getLibrary } from '@/lib/content'
import { homeJsonLd } from '@/lib/seo/structured-data'

/** WebSite and Organization for the home page, inside <head>. */
export default async function HomeHead() {
  const { site } = await getLibrary()
  return <JsonLd data={homeJsonLd(site)} />
}
