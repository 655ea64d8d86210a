import { z } from 'zod'
import { readImageSize } from '../images'
import type { LoadContext } from '../loaders/context'
import type { ParsedBody } from '../markdown'
import type { YamlSource } from '../parse'
import { dateTimeSchema, imagePathSchema, type ArticleInput } from '../schema'

/** What a `::video{…}` directive must say: enough for the poster, the player and VideoObject. */
export const videoSchema = z
  .discriminatedUnion('provider', [
    z.object({
      provider: z.literal('youtube'),
      id: z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'expected a YouTube video id of 11 characters'),
    }),
    z.object({
      provider: z.literal('vimeo'),
      id: z.string().regex(/^\d{4,12}$/, 'expected a Vimeo video id (digits)'),
    }),
  ])
  .and(
    z.object({
      title: z.string().trim().min(1, 'must not be empty'),
      poster: imagePathSchema,
      uploaded: dateTimeSchema,
      duration: z
        .string()
        .regex(
          /^PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?$/,
          'expected an ISO 8601 duration like PT2M31S',
        ),
      description: z.string().trim().min(1).optional(),
    }),
  )

export type VideoAttributes = z.infer<typeof videoSchema>

/**
 * What a story's format asks of its body: a ranked list's numbers run without gaps or repeats
 * and no entry is empty; a live story's updates each have a time (a unique one); a video has
 * what its player and its structured data need, and a poster in the library. False when the
 * story cannot be rendered.
 */
export async function checkFormat(
  ctx: LoadContext,
  file: string,
  value: ArticleInput,
  frontmatter: YamlSource,
  parsed: ParsedBody,
  bodyLine: number,
): Promise<boolean> {
  let ok = true
  const at = (line: number) => line + bodyLine - 1
  const error = (line: number | undefined, field: string, message: string, hint?: string) => {
    ok = false
    ctx.report({ file, line, field, message, hint })
  }

  await Promise.all(
    parsed.refs.videos.map(async ({ attributes, line, element }) => {
      const result = videoSchema.safeParse(attributes)
      if (!result.success) {
        for (const issue of result.error.issues) {
          const name = String(issue.path[0] ?? 'provider')
          const missing = attributes[name] === undefined
          error(
            at(line),
            'body',
            `::video ${name}: ${missing ? 'is required' : issue.message.replace(/^Invalid input: /, '')}`,
            name === 'poster'
              ? 'Put a poster image in images/ and name it: poster="/images/articles/….webp".'
              : undefined,
          )
        }
        return
      }
      const size = await readImageSize(ctx.root, result.data.poster, ctx.images)
      if (!size) {
        error(at(line), 'body', `::video poster ${result.data.poster} not found`)
        return
      }
      element.properties.width = size.width
      element.properties.height = size.height
    }),
  )

  if (value.format === 'list') {
    const ranks = parsed.refs.ranks
    const order = value.list?.order ?? 'down'
    if (ranks.length < 2) {
      error(
        frontmatter.lineOf(['format']),
        'format',
        `a ranked list needs at least two numbered entries ("## ${order === 'down' ? 2 : 1}. Title"), found ${ranks.length}`,
      )
    }
    const step = order === 'down' ? -1 : 1
    const last = ranks.at(-1)
    const end = order === 'down' ? last : ranks[0]
    if (end && end.rank !== 1) {
      error(
        at(end.line),
        'body',
        order === 'down'
          ? `the countdown ends at ${end.rank}, not 1`
          : `the list counts up from 1 but starts at ${end.rank}`,
        'Number the entries in a row, e.g. 20 to 1 (list.order: down) or 1 to 20 (list.order: up).',
      )
    }
    ranks.forEach((entry, index) => {
      const before = ranks[index - 1]
      if (before && entry.rank !== before.rank + step) {
        error(
          at(entry.line),
          'body',
          entry.rank === before.rank
            ? `entry ${entry.rank} is numbered twice`
            : `entry ${entry.rank} follows entry ${before.rank}: the list counts ${order} without gaps (expected ${before.rank + step})`,
          'Number the entries in a row, e.g. 20 to 1 (list.order: down) or 1 to 20 (list.order: up).',
        )
      }
      if (!entry.titled) error(at(entry.line), 'body', `entry ${entry.rank} has no title`)
      if (!entry.filled) error(at(entry.line), 'body', `entry ${entry.rank} is empty`)
    })
  }

  const updates = parsed.refs.updates
  if (updates.length && value.format !== 'live') {
    error(at(updates[0]!.line), 'body', ':::update belongs in a live story (format: live)')
  }
  const seen = new Set<number>()
  for (const update of updates) {
    if (!update.at) {
      error(
        at(update.line),
        'body',
        ':::update is missing its time (at)',
        'Write the time with its offset: :::update{at="2026-09-14T20:15:00-04:00"}.',
      )
      continue
    }
    const time = dateTimeSchema.safeParse(update.at)
    if (!time.success) {
      error(at(update.line), 'body', `:::update at: ${time.error.issues[0]?.message}`)
      continue
    }
    const stamp = Date.parse(update.at)
    if (seen.has(stamp)) error(at(update.line), 'body', `two updates at ${update.at}`)
    seen.add(stamp)
    if (!update.filled) error(at(update.line), 'body', `the update at ${update.at} is empty`)
  }
  return ok
}
