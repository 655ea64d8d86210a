/**
 * Starts a new article or gallery in the content library, as a draft that passes content:check.
 *
 *   npm run new -- article "Luke Cage Season 3 Is Filming" --category tv --author dana-okafor
 *       [--author another] [--topic luke-cage] [--hero path/to/photo.jpg] [--slug custom-slug]
 *   npm run new -- gallery path/to/folder-of-photos [--title "…"] [--slug …] [--article slug]
 *
 * The library is CONTENT_DIR (default content/), or --dir.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  ScaffoldError,
  scaffoldArticle,
  scaffoldGallery,
  type Scaffolded,
} from '../lib/content/scaffold'
import { contentDir } from '../lib/env'

const USAGE = `usage:
  npm run new -- article "Title" --category <slug> --author <slug> [--author <slug>]
                 [--topic <slug>]… [--hero <photo>] [--slug <slug>] [--dir <library>]
  npm run new -- gallery <folder-of-photos> [--title "Title"] [--slug <slug>]
                 [--article <slug>] [--dir <library>]`

const argsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    title: z.string().trim().min(1, 'the title must not be empty'),
    category: z.string({ error: '--category is required' }),
    author: z
      .array(z.string(), { error: 'at least one --author is required' })
      .min(1, 'at least one --author is required'),
    topic: z.array(z.string()).default([]),
    hero: z.string().optional(),
    slug: z.string().optional(),
    dir: z.string().optional(),
  }),
  z.object({
    kind: z.literal('gallery'),
    folder: z.string().min(1, 'the folder of photos is required'),
    title: z.string().trim().min(1).optional(),
    slug: z.string().optional(),
    article: z.string().optional(),
    dir: z.string().optional(),
  }),
])

function readArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      category: { type: 'string' },
      author: { type: 'string', multiple: true },
      topic: { type: 'string', multiple: true },
      hero: { type: 'string' },
      slug: { type: 'string' },
      title: { type: 'string' },
      article: { type: 'string' },
      dir: { type: 'string' },
    },
  })
  const [kind, subject] = positionals
  const parsed = argsSchema.safeParse(
    kind === 'article' ? { kind, title: subject, ...values } : { kind, folder: subject, ...values },
  )
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path[0] === 'kind' ? `unknown kind "${kind ?? ''}"` : issue.message,
    )
    throw new ScaffoldError(`${problems.join('; ')}\n${USAGE}`)
  }
  return parsed.data
}

async function main() {
  const args = readArgs(process.argv.slice(2))
  const root = args.dir ? path.resolve(args.dir) : contentDir()
  const made: Scaffolded =
    args.kind === 'article'
      ? await scaffoldArticle(root, {
          title: args.title,
          category: args.category,
          authors: args.author,
          topics: args.topic,
          hero: args.hero,
          slug: args.slug,
        })
      : await scaffoldGallery(root, {
          folder: args.folder,
          title: args.title,
          slug: args.slug,
          article: args.article,
        })
  const shown = path.relative(process.cwd(), path.join(root, made.file))
  console.log(
    `wrote ${shown} (draft)\nto do:\n${made.todo.map((item) => `  - ${item}`).join('\n')}`,
  )
  console.log('then: npm run content:check')
}

main().catch((error: unknown) => {
  console.error(error instanceof ScaffoldError ? `npm run new: ${error.message}` : error)
  process.exitCode = error instanceof ScaffoldError ? 1 : 2
})
