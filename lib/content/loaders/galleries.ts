import { checkDek } from '../checks/lint'
import { parseYaml, validate } from '../parse'
import { gallerySchema } from '../schema'
import type { Gallery } from '../types'
import { lastGood, readText, resolveImage, slugOfFile, type LoadContext } from './context'

/** A gallery before the reference checks: its article is still a slug to look up, with its line. */
export interface LoadedGallery extends Omit<Gallery, 'article'> {
  article?: { slug: string; line?: number }
}

/** galleries/*.yaml: every slide's image must exist. */
export async function loadGalleries(ctx: LoadContext, files: string[]): Promise<LoadedGallery[]> {
  const galleries = await Promise.all(files.map((file) => loadGallery(ctx, file)))
  return galleries
    .map((gallery, index) => {
      if (gallery) return gallery
      const kept = lastGood(ctx, files[index], ctx.previous?.galleryBySlug)
      return kept && { ...kept, article: kept.article ? { slug: kept.article } : undefined }
    })
    .filter((gallery) => gallery !== undefined)
}

async function loadGallery(ctx: LoadContext, file: string): Promise<LoadedGallery | undefined> {
  const slug = slugOfFile(ctx, file)
  const text = await readText(ctx, file)
  if (!slug || text === undefined) return undefined
  const source = parseYaml(text, file, 1, { fast: ctx.fast })
  const { value, issues } = validate(gallerySchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  checkDek(ctx, file, source, value)
  const slides = await Promise.all(
    value.slides.map(async (slide, index) => {
      const image = await resolveImage(ctx, file, source, ['slides', index, 'image'], slide)
      const { title, creator, copyrightNotice, license } = slide
      return image && { ...image, title, creator, copyrightNotice, license }
    }),
  )
  if (slides.some((slide) => !slide)) return undefined
  return {
    slug,
    file,
    url: `/gallery/${slug}`,
    title: value.title,
    dek: value.dek,
    publishedAt: value.publishedAt,
    publishedTime: Date.parse(value.publishedAt),
    draft: value.draft,
    credit: value.credit,
    article: value.article
      ? {
          slug: value.article,
          get line() {
            return source.lineOf(['article'])
          },
        }
      : undefined,
    slides: slides.filter((slide) => slide !== undefined),
  }
}
