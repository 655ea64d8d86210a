import { checkBody } from '../checks/body'
import { parseBody, stripPositions } from '../markdown'
import { parseMarkdownFile, validate } from '../parse'
import { authorSchema } from '../schema'
import type { Author } from '../types'
import { lastGood, readText, resolveImage, slugOfFile, type LoadContext } from './context'

/** authors/*.md: front matter for the profile, the body for the bio. */
export async function loadAuthors(ctx: LoadContext, files: string[]): Promise<Author[]> {
  const authors = await Promise.all(files.map((file) => loadAuthor(ctx, file)))
  return authors
    .map((author, index) => author ?? lastGood(ctx, files[index], ctx.previous?.authorBySlug))
    .filter((author) => author !== undefined)
}

async function loadAuthor(ctx: LoadContext, file: string): Promise<Author | undefined> {
  const slug = slugOfFile(ctx, file)
  const text = await readText(ctx, file)
  if (!slug || text === undefined) return undefined
  const { frontmatter, body, bodyLine } = parseMarkdownFile(text, file, { fast: ctx.fast })
  const { value, issues } = validate(authorSchema, frontmatter, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  const avatar = await resolveImage(ctx, file, frontmatter, ['avatar'], {
    image: value.avatar,
    alt: value.name,
  })
  const parsed = parseBody(body)
  const bodyOk = await checkBody(ctx, file, parsed, bodyLine)
  if (!avatar || !bodyOk) return undefined
  return {
    slug,
    file,
    url: `/author/${slug}`,
    name: value.name,
    role: value.role,
    avatar,
    sameAs: value.sameAs,
    bio: stripPositions(parsed.tree),
  }
}
