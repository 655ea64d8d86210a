import { z } from 'zod'

/** URL-safe slug: lower-case letters and digits separated by single hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug of lower-case letters, digits and hyphens')

/** ISO 8601 date-time with an explicit offset, e.g. 2026-10-02T09:30:00-04:00. */
export const dateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 date-time with an offset, e.g. 2026-10-02T09:30:00-04:00',
})

/** Images live in the library's images/ folder and are referenced by their URL path. */
export const imagePathSchema = z
  .string()
  .regex(
    /^\/images\/[a-z0-9][a-z0-9/_.-]*\.(?:webp|avif|jpe?g|png)$/,
    'expected a path like /images/articles/name.webp (webp, avif, jpg or png)',
  )

const urlSchema = z.url({ protocol: /^https?$/, message: 'expected an absolute http(s) URL' })

const nonEmpty = z.string().trim().min(1, 'must not be empty')

/** The dek `npm run new` writes; nothing can be published while it is still there. */
export const DEK_TODO =
  'TODO: one sentence under the headline, also shown in search and social cards.'

export const siteSchema = z.strictObject({
  name: nonEmpty,
  tagline: nonEmpty,
  description: nonEmpty,
  url: urlSchema,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'expected a language tag like en-US'),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'expected an IANA time zone like America/New_York'),
  logo: imagePathSchema,
  social: z.array(z.strictObject({ name: nonEmpty, url: urlSchema })).default([]),
  editorsPicks: z.array(slugSchema).default([]),
})

export const categorySchema = z.strictObject({
  slug: slugSchema,
  name: nonEmpty,
  description: nonEmpty,
  order: z.number().int(),
  /** Old slugs of this section: `/old` and everything under it answer a permanent redirect here. */
  redirectFrom: z.array(slugSchema).default([]),
})
export const categoriesSchema = z.array(categorySchema).min(1, 'at least one category')

export const topicSchema = z.strictObject({
  slug: slugSchema,
  name: nonEmpty,
  kind: z.enum(['show', 'film', 'franchise', 'person', 'company', 'game', 'event']),
  description: nonEmpty,
  sameAs: z.array(urlSchema).default([]),
})
export const topicsSchema = z.array(topicSchema)

export const authorSchema = z.strictObject({
  name: nonEmpty,
  role: nonEmpty,
  avatar: imagePathSchema,
  sameAs: z.array(urlSchema).default([]),
})

const captionedImageSchema = z.strictObject({
  image: imagePathSchema,
  alt: nonEmpty,
  caption: nonEmpty.optional(),
  credit: nonEmpty.optional(),
})

/** How a story is told: a plain story, a ranked list, a review or live coverage. */
export const FORMATS = ['story', 'list', 'review', 'live'] as const

/** What a review can be of, each with its schema.org type (lib/seo/formats.ts). */
export const REVIEW_KINDS = ['tv-season', 'tv-series', 'film', 'game', 'book', 'album'] as const

export const reviewSchema = z.strictObject({
  item: z.strictObject({
    kind: z.enum(REVIEW_KINDS),
    name: nonEmpty,
    year: z.number().int().min(1850).max(2100),
    /** The author, director, artist or studio behind it. */
    by: nonEmpty.optional(),
    /** A TV season's series and number. */
    series: nonEmpty.optional(),
    season: z.number().int().min(1).optional(),
    sameAs: z.array(urlSchema).default([]),
  }),
  score: z
    .number()
    .min(0.5, 'expected a score from 0.5 to 5')
    .max(5, 'expected a score from 0.5 to 5')
    .multipleOf(0.5, 'expected a score in half steps, e.g. 3.5'),
  verdict: nonEmpty.max(160, 'a verdict is one line: at most 160 characters'),
  pros: z.array(nonEmpty).default([]),
  cons: z.array(nonEmpty).default([]),
})

export const liveSchema = z.strictObject({
  start: dateTimeSchema,
  /** When coverage closed; until then (or without it) the story is live. */
  end: dateTimeSchema.optional(),
})

export const articleSchema = z
  .strictObject({
    format: z.enum(FORMATS).default('story'),
    /** A ranked list's entries count down (20 to 1) or up (1 to 20). */
    list: z.strictObject({ order: z.enum(['down', 'up']).default('down') }).optional(),
    review: reviewSchema.optional(),
    live: liveSchema.optional(),
    title: nonEmpty,
    dek: nonEmpty,
    category: slugSchema,
    topics: z.array(slugSchema).default([]),
    authors: z.array(slugSchema).min(1, 'at least one author'),
    publishedAt: dateTimeSchema,
    updates: z.array(z.strictObject({ at: dateTimeSchema, note: nonEmpty })).default([]),
    hero: captionedImageSchema,
    gallery: slugSchema.optional(),
    next: slugSchema.optional(),
    related: z.array(slugSchema).default([]),
    source: z.strictObject({ name: nonEmpty, url: urlSchema }).optional(),
    spoilers: z.union([z.boolean(), nonEmpty]).default(false),
    draft: z.boolean().default(false),
    /** Why a story is scheduled far ahead (an embargo, a premiere date): silences the lint warning. */
    embargo: nonEmpty.optional(),
    /** Old slugs of this story: their URLs answer a permanent redirect here. */
    redirectFrom: z.array(slugSchema).default([]),
  })
  .superRefine((story, ctx) => {
    // Each format's own block goes with that format and no other.
    if (story.format === 'review' && !story.review) {
      ctx.addIssue({
        code: 'custom',
        path: ['review'],
        message: 'is required when format is review',
      })
    }
    if (story.format === 'live' && !story.live) {
      ctx.addIssue({ code: 'custom', path: ['live'], message: 'is required when format is live' })
    }
    for (const block of ['list', 'review', 'live'] as const) {
      if (story[block] && story.format !== block) {
        ctx.addIssue({
          code: 'custom',
          path: [block],
          message: `belongs to format: ${block} (this story's format is ${story.format})`,
        })
      }
    }
    if (story.live?.end && Date.parse(story.live.end) < Date.parse(story.live.start)) {
      ctx.addIssue({ code: 'custom', path: ['live', 'end'], message: 'is before live.start' })
    }
  })

export const gallerySchema = z.strictObject({
  title: nonEmpty,
  dek: nonEmpty,
  publishedAt: dateTimeSchema,
  article: slugSchema.optional(),
  credit: nonEmpty.optional(),
  draft: z.boolean().default(false),
  slides: z
    .array(
      captionedImageSchema.extend({
        title: nonEmpty.optional(),
        /** Rights metadata for image search, when the publisher has it. */
        creator: nonEmpty.optional(),
        copyrightNotice: nonEmpty.optional(),
        license: urlSchema.optional(),
      }),
    )
    .min(1, 'at least one slide'),
})

/** removed.yaml: stories taken down for good; their URLs answer 410 Gone. */
export const tombstonesSchema = z.array(
  z.strictObject({
    path: z
      .string()
      .regex(/^(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/, 'expected a site path like /tv/old-story'),
    removedAt: dateTimeSchema,
    reason: nonEmpty,
  }),
)

export type SiteInput = z.infer<typeof siteSchema>
export type CategoryInput = z.infer<typeof categorySchema>
export type TopicInput = z.infer<typeof topicSchema>
export type AuthorInput = z.infer<typeof authorSchema>
export type ArticleInput = z.infer<typeof articleSchema>
export type GalleryInput = z.infer<typeof gallerySchema>
export type ReviewInput = z.infer<typeof reviewSchema>
export type StoryFormat = (typeof FORMATS)[number]
