import { JsonLd } from '@/components/seo/json-ld'
import { homeRoute } from '@/lib/routes/home'
import { homeJsonLd } from '@/lib/seo/structured-data'

/** WebSite and Organization for the home page, inside <head>. */
export default async function HomeHead() {
  const { site } = await homeRoute()
  return <JsonLd data={homeJsonLd(site)} />
}
