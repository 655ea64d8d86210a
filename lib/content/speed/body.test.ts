import { afterAll, describe, expect, it } from 'vitest'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { indexBody, TREES_KEPT } from './body'
import { parseBody, stripPositions } from '../markdown'
import { createTestLibrary, removeTestLibraries } from '../test-library'

afterAll(removeTestLibraries)

function images(tree: Root): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') found.push(node)
  })
  return found
}

describe('article bodies', () => {
  it('are built on first use, with sized images, as the full parser builds them', async () => {
    const content = await createTestLibrary()
    const { library } = await content.load()
    const article = library?.articleBySlug.get('luke-cage-set-photos')
    if (!article) throw new Error('no article')
    expect(article.bodyImages).toEqual(['/images/articles/inline.webp'])
    const body = article.body
    expect(article.body).toBe(body)
    const [image] = images(body)
    expect(image?.properties).toMatchObject({ width: 1200, height: 800 })

    const text = await content.read('articles/luke-cage-set-photos.md')
    const expected = parseBody(text.slice(text.indexOf('---\n', 4) + 4))
    const [element] = expected.refs.images
    if (element?.element) Object.assign(element.element.properties, { width: 1200, height: 800 })
    expect(body).toEqual(stripPositions(expected.tree))
  })

  it('keep only the most recently used trees', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', {}, 'One paragraph.')
    const bodies = Array.from({ length: TREES_KEPT + 1 }, () =>
      indexBody(content.root, 'articles/story.md', 'One paragraph.\n'),
    )
    const first = bodies[0]!.tree
    expect(bodies[0]!.tree).toBe(first)
    bodies.slice(1).forEach((body) => body.tree)
    expect(bodies[0]!.tree).not.toBe(first)
    expect(bodies[0]!.tree).toEqual(first)
  })

  it('are empty when the file went away since the load', async () => {
    const content = await createTestLibrary()
    const body = indexBody(content.root, 'articles/gone.md', 'Words.')
    expect(body.wordCount).toBe(1)
    expect(body.tree).toEqual({ type: 'root', children: [] })
  })
})
