import { notFound } from 'next/navigation'
import { z } from 'zod'
import { slugSchema } from '@/lib/content/schema'

/** A page number in a URL: 1, 2, 3… with no sign, leading zero or decimals. */
export const pageNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)

/**
 * Validates route params; anything malformed is a 404 (never a 500), since no page lives there.
 */
export async function parseParams<T extends z.ZodType>(
  params: Promise<unknown>,
  schema: T,
): Promise<z.output<T>> {
  const result = schema.safeParse(await params)
  if (!result.success) notFound()
  return result.data
}

export const slugParams = z.object({ slug: slugSchema })
export const categoryParams = z.object({ category: slugSchema })
export const categoryPageParams = z.object({ category: slugSchema, n: pageNumberSchema })
export const articleParams = z.object({ category: slugSchema, slug: slugSchema })
export const pageParams = z.object({ n: pageNumberSchema })
export const slugPageParams = z.object({ slug: slugSchema, n: pageNumberSchema })
export const photoParams = z.object({ slug: slugSchema, n: pageNumberSchema })
