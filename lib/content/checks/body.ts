import type { Element } from 'hast'
import { readImageSize } from '../images'
import type { LoadContext } from '../loaders/context'
import type { ParsedBody } from '../markdown'

/**
 * Resolves the images of a body (sizes for next/image) and reports what is wrong inside it:
 * a missing or remote image, one without alt text, an unknown directive. False when the story
 * cannot be rendered.
 */
export async function checkBody(
  ctx: LoadContext,
  file: string,
  parsed: ParsedBody,
  bodyLine: number,
): Promise<boolean> {
  let ok = true
  const at = (line: number) => line + bodyLine - 1
  for (const { name, line } of parsed.refs.unknownDirectives) {
    ok = false
    ctx.report({
      file,
      line: at(line),
      field: 'body',
      message: `unknown directive "::${name}"`,
      hint: 'The only block directive is ::gallery{slug="gallery-slug"}.',
    })
  }
  await Promise.all(
    parsed.refs.images.map(async ({ src, line, element }) => {
      const size = await readImageSize(ctx.root, src, ctx.images)
      if (!size) {
        ok = false
        const remote = /^[a-z]+:/i.test(src)
        ctx.report({
          file,
          line: at(line),
          field: 'body',
          message: remote
            ? `remote image ${src} is not allowed`
            : `image ${src || '(empty)'} not found (expected a file under images/)`,
          hint: "Put the image in the library's images/ folder and link it as /images/….",
        })
        return
      }
      setSize(element, size)
      if (!String(element.properties.alt ?? '').trim()) {
        ok = false
        ctx.report({
          file,
          line: at(line),
          field: 'body',
          message: `image ${src} has no alt text`,
          hint: 'Describe the image for readers who cannot see it: ![what it shows](/images/…).',
        })
      }
    }),
  )
  return ok
}

function setSize(element: Element, size: { width: number; height: number }) {
  element.properties.width = size.width
  element.properties.height = size.height
}
