import { JsonLd } from '@/components/seo/json-ld'
import { photoCrumbs } from '@/lib/crumbs'
import { photoUrl } from '@/lib/gallery'
import { photoRoute } from '@/lib/routes/gallery'
import { breadcrumbJsonLd, photoJsonLd } from '@/lib/seo/structured-data'

/** The photo as an ImageObject, and BreadcrumbList. */
export default async function PhotoHead({
  params,
}: {
  params: Promise<{ slug: string; n: string }>
}) {
  const route = await photoRoute.head(params)
  if (!route) return null
  const { site, gallery, slide, n } = route
  return (
    <JsonLd
      data={[
        photoJsonLd(site, slide, photoUrl(gallery, n)),
        breadcrumbJsonLd(site, photoCrumbs(gallery, n)),
      ]}
    />
  )
}
