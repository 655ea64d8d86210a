import { toHtml } from 'hast-util-to-html'
import { afterAll, describe, expect, it } from 'vitest'
import { countWords, parseBody, readingMinutes } from './markdown'
import { createTestLibrary, INLINE_IMAGE, removeTestLibraries } from './test-library'

afterAll(removeTestLibraries)

function html(markdown: string): string {
  return toHtml(parseBody(markdown).tree)
}

describe('parseBody sanitizing', () => {
  it('removes a script block and its code', () => {
    const out = html('Before.\n\n<script>alert("owned")</script>\n\nAfter.')
    expect(out).not.toMatch(/<script/i)
    expect(out).not.toContain('owned')
    expect(out).toContain('<p>Before.</p>')
    expect(out).toContain('<p>After.</p>')
  })

  it('removes a script inside a paragraph', () => {
    const out = html('Hello <script>steal()</script> world.')
    expect(out).not.toMatch(/<script|steal/)
    expect(out).toContain('Hello')
  })

  it('removes onerror and other event handler attributes', () => {
    const out = html(
      '<img src="/images/articles/inline.webp" alt="A set" onerror="alert(1)">\n\n' +
        '<div onclick="alert(2)" onmouseover="alert(3)">Hover</div>',
    )
    expect(out).not.toMatch(/onerror|onclick|onmouseover|alert/)
    expect(out).toContain('<img src="/images/articles/inline.webp" alt="A set">')
    expect(out).toContain('Hover')
  })

  it('drops javascript: URLs from Markdown and HTML links, keeping the text', () => {
    const parsed = parseBody(
      '[Markdown link](javascript:alert(1)) and <a href="javascript:alert(2)">HTML link</a>',
    )
    const out = toHtml(parsed.tree)
    expect(out).not.toContain('javascript:')
    expect(out).toContain('<a>Markdown link</a>')
    expect(out).toContain('<a>HTML link</a>')
    expect(parsed.refs.links).toEqual([])
  })

  it('removes iframes, forms, and styles with their CSS', () => {
    const out = html(
      'Story.\n\n<iframe src="https://evil.example/frame"></iframe>\n\n' +
        '<style>body{display:none}</style>\n\n' +
        '<form action="https://evil.example/post"><button>Win</button></form>',
    )
    expect(out).not.toMatch(/<iframe|<style|display:none|<form|evil\.example/)
    expect(out).toContain('<p>Story.</p>')
  })

  it('keeps harmless inline HTML such as emphasis', () => {
    expect(html('A <em>quiet</em> <strong>finale</strong>.')).toBe(
      '<p>A <em>quiet</em> <strong>finale</strong>.</p>',
    )
  })
})

describe('parseBody figures', () => {
  it('turns an image alone in a paragraph into a figure captioned by its title', () => {
    const out = html(
      '![Crew on a sidewalk.](/images/articles/inline.webp "Cameras on a Harlem block.")',
    )
    expect(out).toBe(
      '<figure><img src="/images/articles/inline.webp" alt="Crew on a sidewalk.">' +
        '<figcaption>Cameras on a Harlem block.</figcaption></figure>',
    )
  })

  it('makes a figure without a caption for an image with no title', () => {
    expect(html('![Crew on a sidewalk.](/images/articles/inline.webp)')).toBe(
      '<figure><img src="/images/articles/inline.webp" alt="Crew on a sidewalk."></figure>',
    )
  })

  it('leaves an image inside a sentence in its paragraph', () => {
    const out = html('See ![an icon](/images/icon.png "Icon") here.')
    expect(out).toMatch(/^<p>See <img [^>]+> here\.<\/p>$/)
    expect(out).not.toContain('<figure>')
  })

  it('does not make a figure of a paragraph with two images', () => {
    const out = html('![One](/images/a.webp) ![Two](/images/b.webp)')
    expect(out).not.toContain('<figure>')
    expect(out.match(/<img/g)).toHaveLength(2)
  })
})

describe('parseBody GFM', () => {
  it('renders tables', () => {
    const out = html('| Season | Episodes |\n| --- | --- |\n| 1 | 13 |\n| 2 | 13 |\n')
    expect(out).toContain('<table>')
    expect(out).toMatch(/<th>Season<\/th>\s*<th>Episodes<\/th>/)
    expect(out.match(/<td>13<\/td>/g)).toHaveLength(2)
  })

  it('renders strikethrough', () => {
    expect(html('It was ~~cancelled~~ renewed.')).toBe(
      '<p>It was <del>cancelled</del> renewed.</p>',
    )
  })

  it('links bare URLs', () => {
    expect(html('Source: https://www.example.com/story')).toContain(
      '<a href="https://www.example.com/story">https://www.example.com/story</a>',
    )
  })
})

describe('parseBody directives', () => {
  it('keeps a colon followed by a word in prose as text', () => {
    const text = 'Note:spoilers ahead at 10:30, and :smile or :abbr[HTML]{title="x"} stay as typed.'
    expect(html(text)).toBe(`<p>${text}</p>`)
  })

  it('counts words in prose that holds a colon', () => {
    expect(parseBody('Ratio:high and :this stay.').wordCount).toBe(4)
  })

  it('embeds a gallery and lists its slug with the line', () => {
    const parsed = parseBody('Intro.\n\n::gallery{slug="set-photos"}\n')
    expect(toHtml(parsed.tree)).toContain('<div data-gallery="set-photos"></div>')
    expect(parsed.refs.galleries).toEqual([{ slug: 'set-photos', line: 3 }])
    expect(parsed.refs.unknownDirectives).toEqual([])
  })

  it('removes unknown leaf and container directives and lists them with their lines', () => {
    const parsed = parseBody('Intro.\n\n::poll{id="7"}\n\n:::note\nA boxed note.\n:::\n\nOutro.')
    const out = toHtml(parsed.tree)
    expect(out).not.toMatch(/poll|note|boxed/i)
    expect(out).toContain('<p>Outro.</p>')
    expect(parsed.refs.unknownDirectives).toEqual([
      { name: 'poll', line: 3 },
      { name: 'note', line: 5 },
    ])
  })

  it('treats ::gallery inside a container as an unknown container, not a gallery', () => {
    const parsed = parseBody(':::gallery{slug="set-photos"}\n:::\n')
    expect(parsed.refs.galleries).toEqual([])
    expect(parsed.refs.unknownDirectives).toEqual([{ name: 'gallery', line: 1 }])
  })
})

describe('parseBody references', () => {
  it('lists images and links with their body lines', () => {
    const parsed = parseBody(
      'Read [the recap](/tv/recap).\n\n![A set.](/images/a.webp)\n\n' +
        '<img src="/images/b.webp" alt="B">\n',
    )
    expect(parsed.refs.links).toEqual([{ href: '/tv/recap', line: 1 }])
    expect(parsed.refs.images.map(({ src, line }) => ({ src, line }))).toEqual([
      { src: '/images/a.webp', line: 3 },
      { src: '/images/b.webp', line: 5 },
    ])
  })
})

describe('word count and reading time', () => {
  it('counts the words a reader sees, not markup or punctuation', () => {
    const parsed = parseBody('# Title here\n\nOne **two** three — four.\n\n- five\n- six\n')
    expect(parsed.wordCount).toBe(8)
  })

  it('does not count the code of a removed script', () => {
    expect(parseBody('Two words.\n\n<script>var a = 1; var b = 2</script>').wordCount).toBe(2)
  })

  it.each([
    ['plain words', 2],
    ['  spaced\n\tout   words ', 3],
    ['— – !!', 0],
    ['', 0],
    ['naïve café 2026', 3],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words)
  })

  it.each([
    [0, 1],
    [100, 1],
    [230, 1],
    [344, 1],
    [345, 2],
    [1150, 5],
  ])('reads %i words in %i minute(s)', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes)
  })
})

describe('body images in a loaded library', () => {
  it('get the width and height of their file', async () => {
    const library = (await (await createTestLibrary()).load()).library
    const article = library?.articleBySlug.get('luke-cage-set-photos')
    expect(article).toBeDefined()
    const out = toHtml(article!.body)
    expect(out).toContain(
      `<img src="${INLINE_IMAGE}" alt="A film crew on a Harlem sidewalk." ` +
        'width="1200" height="800">',
    )
    expect(out).toContain('<figcaption>Cameras on a Harlem block.</figcaption>')
  })

  it('set the article word count and reading minutes', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('long-read', {}, Array(700).fill('word').join(' '))
    const article = (await content.load()).library?.articleBySlug.get('long-read')
    expect(article?.wordCount).toBe(700)
    expect(article?.readingMinutes).toBe(3)
  })
})
