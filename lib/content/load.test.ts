import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ContentError, formatIssue, type ContentIssue } from './errors'
import { checkForChangesNow, getLibrary } from './library'
import type { LoadResult } from './load'
import {
  articleText,
  CATEGORIES_YAML,
  createTestLibrary,
  lineOf,
  removeTestLibraries,
  type TestLibrary,
} from './test-library'
import type { Library } from './types'

afterAll(removeTestLibraries)

const BASE_ARTICLES = ['luke-cage-set-photos', 'daredevil-first-look', 'doomsday-trailer']

/** The errors as `file:line: error: field: message`, without the hints. */
function errors(result: LoadResult): string[] {
  return result.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))
}

function loaded(result: LoadResult): Library {
  if (!result.library) throw new Error(`no library:\n${errors(result).join('\n')}`)
  return result.library
}

function slugs(items: { slug: string }[]): string[] {
  return items.map((item) => item.slug).sort()
}

/** Writes one more article with `fields`, loads, and returns its findings and the library. */
async function loadWithArticle(
  fields: Record<string, unknown>,
  body?: string,
): Promise<{ text: string; errors: string[]; library: Library; content: TestLibrary }> {
  const content = await createTestLibrary()
  const text = await content.writeArticle('story', fields, body)
  const result = await content.load()
  return { text, errors: errors(result), library: loaded(result), content }
}

describe('loadLibrary on a valid library', () => {
  it('loads everything with no findings', async () => {
    const content = await createTestLibrary()
    const result = await content.load()
    expect(result.issues).toEqual([])
    const library = loaded(result)
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
    expect(slugs(library.galleries)).toEqual(['set-photos'])
    expect(slugs(library.authors)).toEqual(['dana-okafor', 'leo-hartmann'])
  })

  it('resolves URLs, image sizes and the site address without a trailing slash', async () => {
    const library = loaded(await (await createTestLibrary()).load())
    const article = library.articleBySlug.get('luke-cage-set-photos')
    expect(article?.url).toBe('/tv/luke-cage-set-photos')
    expect(article?.hero).toMatchObject({ src: '/images/articles/hero.webp', width: 1600 })
    expect(article?.hero.height).toBe(900)
    expect(library.site.url).toBe('https://test.example')
    expect(library.site.logo).toMatchObject({ width: 240, height: 60, alt: 'Test Marquee' })
    expect(library.authorBySlug.get('dana-okafor')?.url).toBe('/author/dana-okafor')
    expect(library.galleryBySlug.get('set-photos')?.slides.map((s) => [s.width, s.height])).toEqual(
      [
        [1600, 900],
        [900, 1600],
      ],
    )
    expect(library.galleryBySlug.get('set-photos')?.article).toBe('luke-cage-set-photos')
  })

  it('orders categories by their order field', async () => {
    const content = await createTestLibrary()
    await content.edit('categories.yaml', 'order: 1', 'order: 3')
    const library = loaded(await content.load())
    expect(library.categories.map((category) => category.slug)).toEqual(['movies', 'tv'])
  })

  it('takes modifiedAt from the newest update, whatever the order of the list', async () => {
    const { library } = await loadWithArticle({
      publishedAt: '2026-11-20T10:15:00-05:00',
      updates: [
        { at: '2026-11-20T16:40:00-05:00', note: 'Added context.' },
        { at: '2026-11-21T08:00:00-05:00', note: 'Fixed a name.' },
      ],
    })
    const story = library.articleBySlug.get('story')
    expect(story?.modifiedAt).toBe('2026-11-21T08:00:00-05:00')
    expect(story?.updates.map((update) => update.note)).toEqual(['Fixed a name.', 'Added context.'])
  })

  it('keeps publishedAt as modifiedAt for a story never updated', async () => {
    const { library } = await loadWithArticle({ publishedAt: '2026-11-20T10:15:00-05:00' })
    expect(library.articleBySlug.get('story')?.modifiedAt).toBe('2026-11-20T10:15:00-05:00')
  })

  it('loads drafts and scheduled stories too: the publishing rule hides them later', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('draft-story', { draft: true })
    await content.writeArticle('scheduled-story', { publishedAt: '2099-01-01T09:00:00-05:00' })
    const result = await content.load()
    expect(errors(result)).toEqual([])
    expect(loaded(result).articleBySlug.has('draft-story')).toBe(true)
    expect(loaded(result).articleBySlug.has('scheduled-story')).toBe(true)
  })
})

describe('loadLibrary with unresolved references', () => {
  it.each([
    [
      { category: 'music' },
      'category:',
      'category: no category "music" (expected one of the slugs in categories.yaml)',
    ],
    [
      { authors: ['dana-okafor', 'nobody'] },
      '- nobody',
      'authors.1: no author "nobody" (expected one of the files in authors/)',
    ],
  ])('leaves out an article with %o and keeps the rest', async (fields, needle, expected) => {
    const { text, errors, library } = await loadWithArticle(fields)
    expect(errors).toEqual([`articles/story.md:${lineOf(text, needle)}: error: ${expected}`])
    expect(library.articleBySlug.has('story')).toBe(false)
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
  })

  // Only a missing category or author keeps a story from rendering; the rest is an error that
  // fails the build, while a running server keeps serving the story.
  it.each([
    [
      { topics: ['no-such-topic'] },
      '- no-such-topic',
      'topics.0: no topic "no-such-topic" (expected one of the slugs in topics.yaml)',
    ],
    [
      { gallery: 'no-such-gallery' },
      'gallery:',
      'gallery: no gallery "no-such-gallery" (expected one of the files in galleries/)',
    ],
    [
      { next: 'no-such-story' },
      'next:',
      'next: no article "no-such-story" (expected one of the files in articles/)',
    ],
    [
      { related: ['daredevil-first-look', 'no-such-story'] },
      '- no-such-story',
      'related.1: no article "no-such-story" (expected one of the files in articles/)',
    ],
    [{ next: 'story' }, 'next:', 'next: an article cannot point at itself'],
    [{ related: ['story'] }, '- story', 'related.0: an article cannot point at itself'],
  ])('reports an article with %o and still serves it', async (fields, needle, expected) => {
    const { text, errors, library } = await loadWithArticle(fields)
    expect(errors).toEqual([`articles/story.md:${lineOf(text, needle)}: error: ${expected}`])
    expect(library.articleBySlug.has('story')).toBe(true)
    expect(library.articles).toHaveLength(BASE_ARTICLES.length + 1)
  })

  it('reports a gallery whose article does not exist and serves it on its own', async () => {
    const content = await createTestLibrary()
    const text = await content.writeGallery('lonely', { article: 'no-such-story' })
    const result = await content.load()
    expect(errors(result)).toEqual([
      `galleries/lonely.yaml:${lineOf(text, 'article:')}: error: article: no article ` +
        '"no-such-story" (expected the slug of a file in articles/)',
    ])
    expect(loaded(result).galleryBySlug.get('lonely')?.article).toBeUndefined()
    expect(loaded(result).galleryBySlug.get('set-photos')?.article).toBe('luke-cage-set-photos')
  })

  it('says so when a reference leads to a file that has errors of its own', async () => {
    const content = await createTestLibrary()
    await content.remove('images/articles/hero.webp')
    await content.writeImage('/images/articles/other.webp')
    for (const slug of ['luke-cage-set-photos', 'doomsday-trailer']) {
      await content.edit(`articles/${slug}.md`, 'articles/hero.webp', 'articles/other.webp')
    }
    // daredevil-first-look no longer loads; luke-cage-set-photos points at it three times.
    const result = await content.load()
    const text = await content.read('articles/luke-cage-set-photos.md')
    const broken = 'article "daredevil-first-look" has errors of its own'
    expect(errors(result)).toEqual([
      expect.stringMatching(/^articles\/daredevil-first-look\.md:\d+: error: hero\.image: /),
      `articles/luke-cage-set-photos.md:${lineOf(text, 'next:')}: error: next: ${broken} ` +
        '(fix articles/daredevil-first-look first)',
      `articles/luke-cage-set-photos.md:${lineOf(text, '- daredevil')}: error: related.0: ` +
        `${broken} (fix articles/daredevil-first-look first)`,
      `articles/luke-cage-set-photos.md:${lineOf(text, '(/tv/daredevil-first-look)')}: error: ` +
        'body: link /tv/daredevil-first-look leads to no page',
    ])
    const library = loaded(result)
    expect(library.articles.map((article) => article.slug)).toEqual([
      'luke-cage-set-photos',
      'doomsday-trailer',
    ])
    expect(library.articleBySlug.get('luke-cage-set-photos')?.next).toBe('daredevil-first-look')
  })

  it('leaves out the articles of an author whose file has errors, and says why', async () => {
    const content = await createTestLibrary()
    await content.edit('authors/leo-hartmann.md', 'role: Staff Writer\n', '')
    const result = await content.load()
    const library = loaded(result)
    const daredevil = await content.read('articles/daredevil-first-look.md')
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        'authors/leo-hartmann.md:2: error: role: is required (expected string)',
        `articles/daredevil-first-look.md:${lineOf(daredevil, '- leo-hartmann')}: error: ` +
          'authors.0: author "leo-hartmann" has errors of its own (fix authors/leo-hartmann first)',
      ]),
    )
    expect(library.authorBySlug.has('leo-hartmann')).toBe(false)
    // daredevil-first-look and doomsday-trailer list leo-hartmann; luke-cage-set-photos does not.
    expect(library.articles.map((article) => article.slug)).toEqual(['luke-cage-set-photos'])
  })

  it('reports each finding once', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { topics: ['nope'], next: 'nope', related: ['nope'] })
    const result = await content.load()
    const keys = result.issues.map((issue) => formatIssue(issue))
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('warns, without an error, about an editors pick that does not exist', async () => {
    const content = await createTestLibrary()
    await content.edit('site.yaml', '  - luke-cage-set-photos\n', '  - no-such-story\n')
    const result = await content.load()
    expect(errors(result)).toEqual([])
    expect(result.issues.map((issue) => formatIssue(issue))).toEqual([
      'site.yaml: warning: editorsPicks.1: no article "no-such-story"',
    ])
  })
})

describe('loadLibrary with missing or unusable files', () => {
  it('leaves out an article whose hero image file is missing', async () => {
    const hero = { image: '/images/articles/missing.webp', alt: 'Nothing here.' }
    const { text, errors, library } = await loadWithArticle({ hero })
    expect(errors).toEqual([
      `articles/story.md:${lineOf(text, 'image:')}: error: hero.image: image ` +
        '/images/articles/missing.webp not found (expected a file at images/articles/missing.webp)',
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })

  it('does not read an image outside the images folder', async () => {
    const content = await createTestLibrary()
    // A real image beside images/, reached with "..", which the path pattern lets through.
    await copyFile(
      path.join(content.root, 'images/articles/hero.webp'),
      path.join(content.root, 'outside.webp'),
    )
    const text = await content.writeArticle('story', {
      hero: { image: '/images/articles/../../outside.webp', alt: 'Escape attempt.' },
    })
    const result = await content.load()
    expect(errors(result)).toEqual([
      `articles/story.md:${lineOf(text, 'image:')}: error: hero.image: image ` +
        '/images/articles/../../outside.webp not found (expected a file at ' +
        'images/articles/../../outside.webp)',
    ])
  })

  it('leaves out an author whose avatar file is missing, naming the avatar field', async () => {
    const content = await createTestLibrary({ articles: false })
    await content.remove('images/authors/dana-okafor.webp')
    const result = await content.load()
    const text = await content.read('authors/dana-okafor.md')
    expect(errors(result)).toEqual([
      `authors/dana-okafor.md:${lineOf(text, 'avatar:')}: error: avatar: image ` +
        '/images/authors/dana-okafor.webp not found (expected a file at ' +
        'images/authors/dana-okafor.webp)',
    ])
    expect(slugs(loaded(result).authors)).toEqual(['leo-hartmann'])
  })

  it('treats a file that is not an image as a missing image', async () => {
    const content = await createTestLibrary()
    await content.write('images/articles/broken.webp', 'not an image')
    await content.writeArticle('story', {
      hero: { image: '/images/articles/broken.webp', alt: 'Broken.' },
    })
    const result = await content.load()
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toMatch(
      /hero\.image: image \/images\/articles\/broken\.webp not found/,
    )
  })

  it('leaves out a gallery with a missing slide image and reports every use of it', async () => {
    const content = await createTestLibrary()
    await content.remove('images/galleries/set-photos/02.webp')
    const result = await content.load()
    const gallery = await content.read('galleries/set-photos.yaml')
    const article = await content.read('articles/luke-cage-set-photos.md')
    const file = 'articles/luke-cage-set-photos.md'
    expect(errors(result)).toEqual([
      `galleries/set-photos.yaml:${lineOf(gallery, '02.webp')}: error: slides.1.image: image ` +
        '/images/galleries/set-photos/02.webp not found (expected a file at ' +
        'images/galleries/set-photos/02.webp)',
      `${file}:${lineOf(article, 'gallery:')}: error: gallery: gallery "set-photos" has errors ` +
        'of its own (fix galleries/set-photos first)',
      `${file}:${lineOf(article, '::gallery')}: error: body: ::gallery embeds an unknown gallery ` +
        '"set-photos"',
      `${file}:${lineOf(article, '(/gallery/set-photos/2)')}: error: body: link ` +
        '/gallery/set-photos/2 leads to no page',
    ])
    expect(loaded(result).galleries).toEqual([])
    // The story itself is fine: it keeps being served without its gallery.
    expect(loaded(result).articles.map((story) => story.slug)).toEqual(BASE_ARTICLES)
  })

  it('leaves out an article whose frontmatter YAML is malformed, and keeps the rest', async () => {
    const content = await createTestLibrary()
    await content.write(
      'articles/story.md',
      '---\ntitle: A story\ndek: What happened.\ntitle: Again\n---\nBody\n',
    )
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/story.md:4: error: invalid YAML: Map keys must be unique',
    ])
    expect(loaded(result).articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
  })

  it('leaves out an article without frontmatter', async () => {
    const content = await createTestLibrary()
    await content.write('articles/story.md', '# Just a heading\n\nAnd a body.\n')
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/story.md:1: error: missing frontmatter: the file must start with YAML between ' +
        'two lines of "---"',
    ])
    expect(loaded(result).articleBySlug.has('story')).toBe(false)
  })

  it('leaves out a gallery whose YAML is badly indented', async () => {
    const content = await createTestLibrary()
    await content.write(
      'galleries/broken.yaml',
      'title: Broken\ndek: Bad.\npublishedAt: 2026-11-01T09:00:00-04:00\nslides:\n' +
        '  - image: /images/galleries/set-photos/01.webp\n   alt: Misaligned\n',
    )
    const result = await content.load()
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ file: 'galleries/broken.yaml', line: 6 })
    expect(slugs(loaded(result).galleries)).toEqual(['set-photos'])
  })

  it('rejects a file name that is not a slug', async () => {
    const content = await createTestLibrary()
    await content.write('articles/Bad_Name.md', articleText('bad-name'))
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/Bad_Name.md:1: error: the file name "Bad_Name" is not a valid slug',
    ])
    expect(loaded(result).articles).toHaveLength(3)
  })

  it.each(['page', 'feed'])('rejects the reserved article slug "%s"', async (slug) => {
    const content = await createTestLibrary()
    await content.writeArticle(slug)
    const result = await content.load()
    expect(errors(result)).toEqual([
      `articles/${slug}.md:1: error: "${slug}" is reserved for a fixed route`,
    ])
    expect(loaded(result).articleBySlug.has(slug)).toBe(false)
  })

  it.each(['gallery', 'author', 'topic', 'search', 'api', 'page'])(
    'refuses the library when a category takes the reserved slug "%s"',
    async (slug) => {
      const content = await createTestLibrary()
      const text = await content.write(
        'categories.yaml',
        `${CATEGORIES_YAML}- slug: ${slug}\n  name: Reserved\n  description: Clash.\n  order: 3\n`,
      )
      const result = await content.load()
      expect(result.library).toBeUndefined()
      expect(errors(result)).toHaveLength(1)
      expect(errors(result)[0]).toMatch(
        new RegExp(
          `^categories\\.yaml:${lineOf(text, `slug: ${slug}`)}: error: 2\\.slug: ` +
            `"${slug}" is reserved for a fixed route \\(gallery, author, topic,`,
        ),
      )
    },
  )

  it('refuses the library when two categories share a slug', async () => {
    const content = await createTestLibrary()
    const text = await content.edit('categories.yaml', 'slug: movies', 'slug: tv')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual([
      `categories.yaml:${lineOf(text, 'name: Movies') - 1}: error: 1.slug: duplicate category ` +
        'slug "tv"',
    ])
  })

  it('keeps the first of two topics that share a slug and reports the second', async () => {
    const content = await createTestLibrary()
    const text = await content.edit('topics.yaml', 'slug: mcu', 'slug: daredevil')
    const result = await content.load()
    expect(errors(result)).toContain(
      `topics.yaml:${lineOf(text, 'name: Marvel Cinematic') - 1}: error: 3.slug: duplicate topic ` +
        'slug "daredevil"',
    )
    expect(loaded(result).topicBySlug.get('daredevil')?.name).toBe('Daredevil')
  })

  it('refuses the library without a site.yaml', async () => {
    const content = await createTestLibrary()
    await content.remove('site.yaml')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual(['site.yaml: error: file is missing or unreadable'])
  })

  it('refuses the library when the site logo file is missing', async () => {
    const content = await createTestLibrary()
    await content.remove('images/site/logo.png')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual([
      'site.yaml:7: error: logo: image /images/site/logo.png not found (expected a file at ' +
        'images/site/logo.png)',
    ])
  })
})

describe('loadLibrary checks inside article bodies', () => {
  async function loadBody(body: string) {
    const result = await loadWithArticle({}, body)
    return { ...result, line: (needle: string) => lineOf(result.text, needle) }
  }

  it('rejects a remote image', async () => {
    const { errors, line, library } = await loadBody(
      'Intro.\n\n![A poster.](https://cdn.example.com/poster.webp)\n',
    )
    expect(errors).toEqual([
      `articles/story.md:${line('cdn.example.com')}: error: body: remote image ` +
        'https://cdn.example.com/poster.webp is not allowed',
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })

  it('tells the editor how to fix it', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', {}, '![A poster.](https://cdn.example.com/poster.webp)')
    const [issue] = (await content.load()).issues
    expect(issue && formatIssue(issue)).toMatch(
      /is not allowed\n {4}hint: Put the image in the library's images\/ folder and link it as /,
    )
  })

  it('rejects a body image whose file is missing', async () => {
    const { errors, line } = await loadBody('Intro.\n\n![A poster.](/images/articles/nope.webp)\n')
    expect(errors).toEqual([
      `articles/story.md:${line('nope.webp')}: error: body: image /images/articles/nope.webp ` +
        'not found (expected a file under images/)',
    ])
  })

  it('rejects a body image without alt text', async () => {
    const { errors, line } = await loadBody(
      'Intro.\n\nMore.\n\n![](/images/articles/inline.webp)\n',
    )
    expect(errors).toEqual([
      `articles/story.md:${line('![]')}: error: body: image /images/articles/inline.webp has no ` +
        'alt text',
    ])
  })

  it('rejects an unknown block directive', async () => {
    const { errors, line, library } = await loadBody('Intro.\n\n::poll{id="1"}\n\nOutro.\n')
    expect(errors).toEqual([
      `articles/story.md:${line('::poll')}: error: body: unknown directive "::poll"`,
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })

  it('rejects a gallery embed of an unknown gallery', async () => {
    const { errors, line } = await loadBody('Intro.\n\n::gallery{slug="nope"}\n')
    expect(errors).toEqual([
      `articles/story.md:${line('::gallery')}: error: body: ::gallery embeds an unknown ` +
        'gallery "nope"',
    ])
  })

  it.each([
    '/tv/no-such-story',
    '/tv/daredevil-first-look/extra',
    '/music',
    '/gallery/no-such-gallery',
    '/gallery/set-photos/3',
    '/gallery/set-photos/0',
    '/author/nobody',
    '/topic/no-such-topic',
  ])('rejects the broken internal link %s', async (href) => {
    const { errors, line } = await loadBody(`Intro.\n\nRead [this](${href}).\n`)
    expect(errors).toEqual([
      `articles/story.md:${line(href)}: error: body: link ${href} leads to no page`,
    ])
  })

  it.each([
    '/tv',
    '/tv/page/2',
    '/tv/daredevil-first-look',
    '/tv/daredevil-first-look#comments',
    '/gallery/set-photos',
    '/gallery/set-photos/2',
    '/author/dana-okafor',
    '/topic/luke-cage',
    '/search?q=luke',
    'https://www.example.com/elsewhere',
    'mailto:desk@test.example',
  ])('accepts the link %s', async (href) => {
    const { errors, library } = await loadBody(`Intro.\n\nRead [this](${href}).\n`)
    expect(errors).toEqual([])
    expect(library.articleBySlug.has('story')).toBe(true)
  })
})

describe('getLibrary', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('serves the valid rest on a running server and logs the file that was left out', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const library = await getLibrary()
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
    expect(log).toHaveBeenCalledOnce()
    expect(String(log.mock.calls[0]?.[0])).toContain('articles/story.md:')
  })

  it('keeps serving the last good version of a story whose file breaks, and picks up the fix', async () => {
    const content = await createTestLibrary()
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const before = await getLibrary()
    const file = 'articles/daredevil-first-look.md'
    await content.edit(file, 'title: "Daredevil Born Again: First Look"', 'title: ""')
    checkForChangesNow()
    const broken = await getLibrary()
    expect(broken).not.toBe(before)
    expect(broken.articleBySlug.get('daredevil-first-look')?.title).toBe(
      'Daredevil Born Again: First Look',
    )
    expect(String(log.mock.calls.at(-1)?.[0])).toMatch(
      /articles\/daredevil-first-look\.md:\d+: error: title: must not be empty/,
    )
    await content.edit(file, 'title: ""', 'title: Daredevil, Fixed')
    checkForChangesNow()
    expect((await getLibrary()).articleBySlug.get('daredevil-first-look')?.title).toBe(
      'Daredevil, Fixed',
    )
  })

  it('reloads at once for a story whose file was saved after the last check', async () => {
    const content = await createTestLibrary()
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const start = Date.now()
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start)
    await getLibrary()
    await content.writeArticle('fresh', { title: 'Fresh' })
    // Within the check interval an unknown slug without a file costs no reload...
    clock.mockReturnValue(start + 500)
    expect((await getLibrary({ article: 'no-such-file' })).articleBySlug.has('fresh')).toBe(false)
    expect((await getLibrary()).articleBySlug.has('fresh')).toBe(false)
    // ...but a request for the new story finds its file and loads it.
    expect((await getLibrary({ article: 'fresh' })).articleBySlug.get('fresh')?.title).toBe('Fresh')
  })

  it('does not reload for a file that was there at the last look and failed to load', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('broken', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const start = Date.now() + 10_000
    vi.spyOn(Date, 'now').mockReturnValue(start)
    const first = await getLibrary()
    expect(await getLibrary({ article: 'broken' })).toBe(first)
  })

  it('fails during the build on any error, naming the file', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    const failure = await getLibrary().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ContentError)
    const issues: ContentIssue[] = (failure as ContentError).issues
    expect(issues.map((issue) => issue.file)).toEqual(['articles/story.md'])
    expect((failure as ContentError).code).toBe('CONTENT_INVALID')
    expect((failure as ContentError).message).toMatch(/articles\/story\.md:\d+: error: category:/)
  })
})
