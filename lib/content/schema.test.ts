import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { formatIssue } from './errors'
import { parseMarkdownFile, parseYaml, validate } from './parse'
import {
  articleSchema,
  authorSchema,
  categoriesSchema,
  gallerySchema,
  siteSchema,
  topicsSchema,
} from './schema'
import {
  articleText,
  authorText,
  CATEGORIES_YAML,
  defaultGalleryFields,
  lineOf,
  SITE_YAML,
  TOPICS_YAML,
  yamlOf,
  type Fields,
} from './test-library'

const ARTICLE = 'articles/story.md'
const ALT_HINT =
  'Describe what the image shows for readers who cannot see it, e.g. "Mike Colter as Luke ' +
  'Cage on a Harlem street".'

/** Validates an article built from the default fields plus `fields`; returns formatted issues. */
function checkArticle(fields: Fields) {
  const text = articleText('story', fields)
  const { frontmatter } = parseMarkdownFile(text, ARTICLE)
  const { value, issues } = validate(articleSchema, frontmatter, ARTICLE)
  return { text, value, issues: issues.map((issue) => formatIssue(issue)) }
}

function checkYaml<T extends z.ZodType>(schema: T, text: string, file: string) {
  const { value, issues } = validate(schema, parseYaml(text, file), file)
  return { value, issues: issues.map((issue) => formatIssue(issue)) }
}

describe('article frontmatter rules', () => {
  it('accepts the default test article and fills in the defaults', () => {
    const { value, issues } = checkArticle({})
    expect(issues).toEqual([])
    expect(value).toMatchObject({ related: [], updates: [], spoilers: false, draft: false })
  })

  it.each([
    ['title', 'string'],
    ['dek', 'string'],
    ['category', 'string'],
    ['authors', 'array'],
    ['publishedAt', 'string'],
    ['hero', 'object'],
  ])('requires %s, on the first line of the frontmatter', (field, type) => {
    const { issues } = checkArticle({ [field]: undefined })
    expect(issues).toEqual([`${ARTICLE}:2: error: ${field}: is required (expected ${type})`])
  })

  it('requires the alt text of the hero image', () => {
    const { text, issues } = checkArticle({ hero: { image: '/images/articles/hero.webp' } })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'hero:')}: error: hero.alt: is required (expected string)` +
        `\n    hint: ${ALT_HINT}`,
    ])
  })

  it('rejects an empty title', () => {
    const { text, issues } = checkArticle({ title: '   ' })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'title:')}: error: title: must not be empty`,
    ])
  })

  it('rejects an empty list of authors', () => {
    const { text, issues } = checkArticle({ authors: [] })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'authors:')}: error: authors: at least one author`,
    ])
  })

  it.each(['TV', 'tv news', 'tv_news', 'tv--news', '-tv', 'tv-'])(
    'rejects the category slug "%s"',
    (slug) => {
      const { text, issues } = checkArticle({ category: slug })
      expect(issues).toEqual([
        `${ARTICLE}:${lineOf(text, 'category:')}: error: category: ` +
          'expected a slug of lower-case letters, digits and hyphens',
      ])
    },
  )

  it('names the index of a bad slug in a list', () => {
    const { text, issues } = checkArticle({ topics: ['luke-cage', 'Luke Cage'] })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, '- Luke Cage')}: error: topics.1: ` +
        'expected a slug of lower-case letters, digits and hyphens',
    ])
  })

  it.each(['2026-11-20T10:15:00-05:00', '2026-11-20T15:15:00Z', '2026-11-20T10:15:00.250+01:00'])(
    'accepts publishedAt %s',
    (publishedAt) => {
      expect(checkArticle({ publishedAt }).issues).toEqual([])
    },
  )

  it.each(['2026-11-20T10:15:00', '2026-11-20', '20 November 2026', '2026-11-20 10:15'])(
    'rejects publishedAt %s, which has no offset',
    (publishedAt) => {
      const { text, issues } = checkArticle({ publishedAt })
      expect(issues).toEqual([
        `${ARTICLE}:${lineOf(text, 'publishedAt:')}: error: publishedAt: expected an ISO 8601 ` +
          'date-time with an offset, e.g. 2026-10-02T09:30:00-04:00',
      ])
    },
  )

  it('rejects an update time without an offset and names its index', () => {
    const { text, issues } = checkArticle({
      updates: [
        { at: '2026-11-20T16:40:00-05:00', note: 'Added context.' },
        { at: '2026-11-21T08:00:00', note: 'Fixed a name.' },
      ],
    })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'at: 2026-11-21T08:00:00')}: error: updates.1.at: ` +
        'expected an ISO 8601 date-time with an offset, e.g. 2026-10-02T09:30:00-04:00',
    ])
  })

  it('rejects an unknown field on the line of that field', () => {
    const { text, issues } = checkArticle({ subtitle: 'Not a field' })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'subtitle:')}: error: subtitle: unknown field "subtitle"`,
    ])
  })

  it('reports each unknown field separately, on the line of its key', () => {
    const { text, issues } = checkArticle({
      tags: ['luke-cage', 'harlem'],
      subtitle: 'Not a field',
    })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'tags:')}: error: tags: unknown field "tags"`,
      `${ARTICLE}:${lineOf(text, 'subtitle:')}: error: subtitle: unknown field "subtitle"`,
    ])
  })

  it('rejects an unknown field inside the hero', () => {
    const hero = { image: '/images/articles/hero.webp', alt: 'A set.', photographer: 'Dana' }
    const { text, issues } = checkArticle({ hero })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'photographer:')}: error: hero.photographer: ` +
        'unknown field "photographer"',
    ])
  })

  it.each([
    'hero.webp',
    'images/articles/hero.webp',
    '/images/articles/hero.gif',
    '/images/Articles/Hero.webp',
    '/public/articles/hero.webp',
    'https://cdn.example/hero.webp',
  ])('rejects the hero image path %s', (image) => {
    const { text, issues } = checkArticle({ hero: { image, alt: 'A set.' } })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'image:')}: error: hero.image: expected a path like ` +
        '/images/articles/name.webp (webp, avif, jpg or png)',
    ])
  })

  it.each(['/images/a.webp', '/images/articles/a-b_c.avif', '/images/x/y.jpg', '/images/z.jpeg'])(
    'accepts the image path %s',
    (image) => {
      expect(checkArticle({ hero: { image, alt: 'A set.' } }).issues).toEqual([])
    },
  )

  it.each(['not a url', 'ftp://files.example/story', '//example.com/story', 'example.com'])(
    'rejects the source URL %s',
    (url) => {
      const { text, issues } = checkArticle({ source: { name: 'Daily Mail', url } })
      expect(issues).toEqual([
        `${ARTICLE}:${lineOf(text, 'url:')}: error: source.url: expected an absolute http(s) URL`,
      ])
    },
  )

  it('accepts spoilers as a boolean or as a warning text, and rejects a number', () => {
    expect(checkArticle({ spoilers: true }).issues).toEqual([])
    expect(checkArticle({ spoilers: 'Spoilers for the finale' }).issues).toEqual([])
    expect(checkArticle({ spoilers: 3 }).issues).toHaveLength(1)
  })

  it('rejects draft: yes, which YAML 1.2 reads as a string', () => {
    const { text, issues } = checkArticle({ draft: 'yes' })
    expect(issues).toEqual([
      `${ARTICLE}:${lineOf(text, 'draft:')}: error: draft: expected boolean, received string`,
    ])
  })

  it('reports every problem of a file, not only the first', () => {
    const { issues } = checkArticle({ category: 'TV', publishedAt: '2026-11-20', extra: 1 })
    expect(issues.map((issue) => issue.split(': ')[2])).toEqual(
      expect.arrayContaining(['category', 'publishedAt', 'extra']),
    )
    expect(issues).toHaveLength(3)
  })

  it('does not validate frontmatter whose YAML is broken', () => {
    const { frontmatter } = parseMarkdownFile('---\ntitle: A\ntitle: B\n---\nBody\n', ARTICLE)
    const { value, issues } = validate(articleSchema, frontmatter, ARTICLE)
    expect(value).toBeUndefined()
    expect(issues.map((issue) => issue.message)).toEqual(['invalid YAML: Map keys must be unique'])
  })
})

describe('site.yaml rules', () => {
  it('accepts the test site', () => {
    expect(checkYaml(siteSchema, SITE_YAML, 'site.yaml').issues).toEqual([])
  })

  it.each([
    ['url: https://test.example/', 'url: test.example', 'url: expected an absolute http(s) URL'],
    ['language: en-US', 'language: English', 'language: expected a language tag like en-US'],
    [
      'timeZone: America/New_York',
      'timeZone: Mars/Olympus_Mons',
      'timeZone: expected an IANA time zone like America/New_York',
    ],
    [
      'logo: /images/site/logo.png',
      'logo: logo.png',
      'logo: expected a path like /images/articles/name.webp (webp, avif, jpg or png)',
    ],
    [
      'url: https://mastodon.social/@marquee',
      'url: mailto:desk@test.example',
      'social.0.url: expected an absolute http(s) URL',
    ],
    [
      '  - daredevil-first-look',
      '  - Daredevil First Look',
      'editorsPicks.0: expected a slug of lower-case letters, digits and hyphens',
    ],
  ])('rejects %s changed to %s', (good, bad, expected) => {
    const text = SITE_YAML.replace(good, bad)
    expect(checkYaml(siteSchema, text, 'site.yaml').issues).toEqual([
      `site.yaml:${lineOf(text, bad)}: error: ${expected}`,
    ])
  })

  it('requires the site name', () => {
    const text = SITE_YAML.replace('name: Test Marquee\n', '')
    expect(checkYaml(siteSchema, text, 'site.yaml').issues).toEqual([
      'site.yaml:1: error: name: is required (expected string)',
    ])
  })
})

describe('categories.yaml and topics.yaml rules', () => {
  it('accepts the test categories and topics', () => {
    expect(checkYaml(categoriesSchema, CATEGORIES_YAML, 'categories.yaml').issues).toEqual([])
    expect(checkYaml(topicsSchema, TOPICS_YAML, 'topics.yaml').issues).toEqual([])
  })

  it('requires at least one category', () => {
    expect(checkYaml(categoriesSchema, '[]\n', 'categories.yaml').issues).toEqual([
      'categories.yaml:1: error: at least one category',
    ])
  })

  it('rejects a fractional category order with the index of the category', () => {
    const text = CATEGORIES_YAML.replace('order: 2', 'order: 2.5')
    expect(checkYaml(categoriesSchema, text, 'categories.yaml').issues).toEqual([
      `categories.yaml:${lineOf(text, 'order: 2.5')}: error: 1.order: ` +
        'expected int, received number',
    ])
  })

  it('rejects a topic kind outside the list', () => {
    const text = TOPICS_YAML.replace('kind: franchise', 'kind: podcast')
    const { issues } = checkYaml(topicsSchema, text, 'topics.yaml')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(
      new RegExp(
        `^topics\\.yaml:${lineOf(text, 'kind: podcast')}: error: 2\\.kind: expected one of`,
      ),
    )
  })

  it('rejects a topic sameAs that is not a URL', () => {
    const text = TOPICS_YAML.replace('https://en.wikipedia.org/wiki/Luke_Cage_(TV_series)', 'Luke')
    expect(checkYaml(topicsSchema, text, 'topics.yaml').issues).toEqual([
      `topics.yaml:${lineOf(text, '- Luke')}: error: 0.sameAs.0: expected an absolute http(s) URL`,
    ])
  })
})

describe('author and gallery rules', () => {
  it('rejects an author avatar outside images/', () => {
    const text = authorText('Dana Okafor', 'https://example.com/dana.jpg')
    const file = 'authors/dana-okafor.md'
    const { issues } = validate(authorSchema, parseMarkdownFile(text, file).frontmatter, file)
    expect(issues.map((issue) => formatIssue(issue))).toEqual([
      `${file}:${lineOf(text, 'avatar:')}: error: avatar: expected a path like ` +
        '/images/articles/name.webp (webp, avif, jpg or png)',
    ])
  })

  it('requires at least one slide', () => {
    const text = yamlOf({ ...defaultGalleryFields('set'), slides: [] })
    expect(checkYaml(gallerySchema, text, 'galleries/set.yaml').issues).toEqual([
      `galleries/set.yaml:${lineOf(text, 'slides:')}: error: slides: at least one slide`,
    ])
  })

  it('names the slide whose alt text is missing', () => {
    const text = yamlOf({
      ...defaultGalleryFields('set'),
      slides: [
        { image: '/images/galleries/set-photos/01.webp', alt: 'A camera.' },
        { image: '/images/galleries/set-photos/02.webp', caption: 'No alt here.' },
      ],
    })
    expect(checkYaml(gallerySchema, text, 'galleries/set.yaml').issues).toEqual([
      `galleries/set.yaml:${lineOf(text, '02.webp')}: error: slides.1.alt: is required ` +
        `(expected string)\n    hint: ${ALT_HINT}`,
    ])
  })

  it('rejects a gallery publishedAt without an offset', () => {
    const text = yamlOf({ ...defaultGalleryFields('set'), publishedAt: '2026-11-20T10:00:00' })
    expect(checkYaml(gallerySchema, text, 'galleries/set.yaml').issues).toEqual([
      `galleries/set.yaml:${lineOf(text, 'publishedAt:')}: error: publishedAt: expected an ISO ` +
        '8601 date-time with an offset, e.g. 2026-10-02T09:30:00-04:00',
    ])
  })
})
