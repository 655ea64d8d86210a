/**
 * Generates a synthetic content library as a stream of files (path relative to the library and
 * text). Pure: the same options give the same files, byte for byte. The text comes from the
 * phrase bank in bank.ts; image paths come from the caller (a few real images, reused).
 */
import { isoInZone as isoInTimeZone } from '../../lib/format'
import * as bank from './bank'
import type { TopicKind } from './bank'
import { createRandom, zipfPicker, type Random } from './random'

export interface SynthOptions {
  /** How many articles to write. */
  articles: number
  /** Any string: the same seed (and `until`) gives the same library. */
  seed: string
  /** No date is later than this; the stories spread over the two years before it. */
  until: Date
}

/** URL paths (`/images/…`) of the images the library may use. */
export interface SynthImages {
  heroes: string[]
  slides: string[]
  avatars: string[]
  logo: string
}

export interface SynthFile {
  /** Relative to the library root, e.g. `articles/x.md`. */
  path: string
  text: string
}

const DAY_MS = 86_400_000
const SPAN_MS = 730 * DAY_MS
const TIME_ZONE = 'America/New_York'
const CREDIT = 'Illustration: Marquee Studio'

interface SynthTopic {
  slug: string
  name: string
  kind: TopicKind
}

interface SynthArticle {
  slug: string
  category: string
  title: string
  time: number
}

/** YAML single-quoted scalar: safe for any one-line text. */
function q(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

export function slugify(text: string, maxWords = 10): string {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, maxWords)
    .join('-')
}

/** ISO 8601 in the publication's time zone with its offset, e.g. 2026-03-02T09:30:00-05:00. */
export function isoInZone(ms: number): string {
  return isoInTimeZone(new Date(ms), TIME_ZONE)
}

const KIND_SHARE: [TopicKind, number][] = [
  ['show', 0.3],
  ['film', 0.2],
  ['person', 0.2],
  ['game', 0.1],
  ['franchise', 0.08],
  ['company', 0.07],
  ['event', 0.05],
]

function topicName(kind: TopicKind, r: Random, year: number): string {
  const A = r.pick(bank.ADJECTIVES)
  const O = r.pick(bank.NOUNS)
  const PL = r.pick(bank.PLACES)
  switch (kind) {
    case 'show':
      return r.pick([`The ${A} ${O}`, `${PL}`, `${A} ${O}s`, `The ${O} of ${PL}`, `${PL} ${O}`])
    case 'film':
      return r.pick([`${O} of ${PL}`, `The ${A} ${O}`, `${A} ${O}`, `Return to ${PL}`])
    case 'franchise':
      return r.pick([`${O} Saga`, `${A} ${O} Universe`, `${PL} Chronicles`])
    case 'person':
      return `${r.pick(bank.FIRST_NAMES)} ${r.pick(bank.LAST_NAMES)}`
    case 'company':
      return `${r.pick(bank.COMPANY_PARTS)} ${r.pick(bank.COMPANY_SUFFIXES)}`
    case 'game':
      return r.pick([`${A} ${O} ${r.pick(bank.ROMAN)}`, `${O}fall`, `${A} ${O}: ${PL}`])
    case 'event':
      return `${PL} ${r.pick(bank.EVENT_WORDS)} ${year - r.int(0, 1)}`
  }
}

function makeTopics(count: number, r: Random, year: number): SynthTopic[] {
  const topics: SynthTopic[] = []
  const slugs = new Set<string>()
  for (const [kind, share] of KIND_SHARE) {
    const wanted = Math.max(2, Math.round(count * share))
    for (let made = 0, tries = 0; made < wanted && tries < wanted * 20; tries++) {
      let name = topicName(kind, r, year)
      if (tries > wanted * 10) name = `${name} ${r.pick(bank.PLACES)}`
      const slug = slugify(name)
      if (slugs.has(slug)) continue
      slugs.add(slug)
      topics.push({ slug, name, kind })
      made++
    }
  }
  return topics
}

function topicsYaml(topics: SynthTopic[]): string {
  return topics
    .map((topic, index) => {
      const lines = [
        `- slug: ${topic.slug}`,
        `  name: ${q(topic.name)}`,
        `  kind: ${topic.kind}`,
        `  description: ${q(bank.TOPIC_DESCRIPTIONS[topic.kind])}`,
      ]
      if (index % 3 === 0) lines.push(`  sameAs:`, `    - https://wiki.example/${topic.slug}`)
      return lines.join('\n')
    })
    .join('\n')
    .concat('\n')
}

function categoriesYaml(): string {
  return bank.CATEGORIES.map((category, index) =>
    [
      `- slug: ${category.slug}`,
      `  name: ${q(category.name)}`,
      `  description: ${q(category.description)}`,
      `  order: ${index + 1}`,
    ].join('\n'),
  )
    .join('\n')
    .concat('\n')
}

/**
 * The library's files, in an order that needs no look-ahead: categories, topics, authors, then
 * articles oldest first (each with its gallery), then site.yaml (its editors' picks are the
 * newest stories) and removed.yaml.
 */
export function* synthLibrary(options: SynthOptions, images: SynthImages): Generator<SynthFile> {
  const { articles: total, seed } = options
  if (!Number.isInteger(total) || total < 1)
    throw new Error('--articles must be a whole number ≥ 1')
  if (!images.heroes.length || !images.slides.length || !images.avatars.length) {
    throw new Error('the image set needs at least one hero, one slide and one avatar')
  }
  const r = createRandom(seed)
  const until = Math.floor(options.until.getTime() / 60_000) * 60_000
  const year = new Date(until).getUTCFullYear()

  yield { path: 'categories.yaml', text: categoriesYaml() }

  const topics = makeTopics(Math.min(4000, Math.max(40, Math.round(total / 25))), r, year)
  yield { path: 'topics.yaml', text: topicsYaml(topics) }
  const people = topics.filter((topic) => topic.kind === 'person')
  const companies = topics.filter((topic) => topic.kind === 'company')
  const franchises = topics.filter((topic) => topic.kind === 'franchise')

  // Authors.
  const authorCount = Math.min(300, Math.max(8, Math.round(total / 200)))
  const authors: string[] = []
  const authorSlugs = new Set<string>()
  while (authors.length < authorCount) {
    const name = `${r.pick(bank.FIRST_NAMES)} ${r.pick(bank.LAST_NAMES)}`
    const slug = slugify(name)
    if (authorSlugs.has(slug)) {
      if (authorSlugs.size >= bank.FIRST_NAMES.length * bank.LAST_NAMES.length) break
      continue
    }
    authorSlugs.add(slug)
    authors.push(slug)
    const bio = r
      .sample(bank.BIO_SENTENCES, 4)
      .map((sentence) => sentence.replaceAll('{P}', name.split(' ')[0] ?? name))
    const lines = [
      '---',
      `name: ${q(name)}`,
      `role: ${q(r.pick(bank.ROLES))}`,
      `avatar: ${r.pick(images.avatars)}`,
    ]
    if (r.chance(0.6))
      lines.push('sameAs:', `  - https://mastodon.example/@${slug.replace(/-/g, '')}`)
    lines.push('---', `${bio.slice(0, 2).join(' ')}`, '', `${bio.slice(2).join(' ')}`, '')
    yield { path: `authors/${slug}.md`, text: lines.join('\n') }
  }
  const pickAuthor = zipfPicker(authors.length, 0.6, r)

  // Topic pools per category, each with its own popularity curve.
  const pools = new Map<string, { pool: SynthTopic[]; pick: () => number }>(
    bank.CATEGORIES.map((category) => {
      const pool = topics.filter((topic) =>
        (category.kinds as readonly string[]).includes(topic.kind),
      )
      return [category.slug, { pool, pick: zipfPicker(pool.length, 0.9, r) }] as const
    }),
  )
  const pickPerson = zipfPicker(people.length, 0.8, r)
  const categoryWeights: [string, number][] = [
    ['tv', 0.3],
    ['movies', 0.25],
    ['comics', 0.15],
    ['gaming', 0.15],
    ['streaming', 0.15],
  ]
  const pickCategory = () => {
    let x = r.next()
    for (const [slug, weight] of categoryWeights) {
      if ((x -= weight) < 0) return slug
    }
    return 'tv'
  }

  // Publication times, oldest first, on whole minutes, within the two years up to `until`.
  const times = Array.from({ length: total }, () => until - Math.floor(r.next() * SPAN_MS))
    .map((ms) => Math.floor(ms / 60_000) * 60_000)
    .sort((a, b) => a - b)

  const usedSlugs = new Set<string>()
  const tombstones = bank.CATEGORIES.slice(0, 3).map((category, index) => ({
    path: `/${category.slug}/withdrawn-report-${index + 1}`,
    slug: `withdrawn-report-${index + 1}`,
  }))
  tombstones.forEach((tombstone) => usedSlugs.add(tombstone.slug))
  const gallerySlugs: string[] = []
  const written: SynthArticle[] = []
  const byTopic = new Map<string, number[]>()

  for (let i = 0; i < total; i++) {
    const time = times[i] ?? until
    const category = pickCategory()
    const { pool, pick } = pools.get(category) ?? { pool: topics, pick: () => 0 }
    const main = pool[pick()] ?? topics[0]!
    const extra: SynthTopic[] = []
    if (main.kind !== 'person' && people.length && r.chance(0.6)) extra.push(people[pickPerson()]!)
    if (franchises.length && r.chance(0.25)) extra.push(r.pick(franchises))
    if (companies.length && r.chance(0.2)) extra.push(r.pick(companies))
    const articleTopics = [...new Map([main, ...extra].map((t) => [t.slug, t])).values()]
    const person = articleTopics.find((t) => t.kind === 'person' && t !== main) ?? r.pick(people)
    const company = articleTopics.find((t) => t.kind === 'company') ?? r.pick(companies)

    const values = (lower: boolean): Record<string, () => string> => ({
      T: () =>
        lower && ['show', 'film', 'game'].includes(main.kind) ? `*${main.name}*` : main.name,
      P: () => person.name,
      C: () => company.name,
      N: () => String(r.int(3, 12)),
      NN: () => String(r.int(12, 900)),
      M: () => r.pick(bank.MONTHS),
      Y: () => String(new Date(time).getUTCFullYear() + r.int(0, 1)),
      PL: () => r.pick(bank.PLACES),
      A: () => (lower ? r.pick(bank.ADJECTIVES).toLowerCase() : r.pick(bank.ADJECTIVES)),
      O: () => (lower ? r.pick(bank.NOUNS).toLowerCase() : r.pick(bank.NOUNS)),
      S: () => String(r.int(2, 6)),
      V: () => r.pick(bank.VERDICTS),
      SC: () => r.pick(bank.SCENES),
    })
    const titleValues = values(false)
    const bodyValues = values(true)
    const fill = (template: string, slots: Record<string, () => string>) =>
      template.replace(/\{([A-Z]+)\}/g, (all, key: string) => slots[key]?.() ?? all)

    const title = fill(r.pick(bank.TITLES[main.kind]), titleValues)
    let slug = slugify(title)
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(title)}-${n}`
    usedSlugs.add(slug)

    // Earlier stories this one can point at: the main topic's recent ones, else any.
    const earlierOnTopic = byTopic.get(main.slug) ?? []
    const earlier = (): SynthArticle | undefined => {
      if (earlierOnTopic.length && r.chance(0.7)) {
        const recent = earlierOnTopic.slice(-20)
        return written[r.pick(recent)]
      }
      return written.length ? written[r.int(0, written.length - 1)] : undefined
    }

    const hasGallery = r.chance(0.04)
    let gallerySlug: string | undefined
    let galleryFile: SynthFile | undefined
    if (hasGallery) {
      gallerySlug = `${slug}-photos`
      const slides = r.sample(images.slides, r.int(6, 14))
      const galleryLines = [
        `title: ${q(`${title}: The Photos`)}`,
        `dek: ${q(r.pick(bank.DEKS))}`,
        `publishedAt: ${q(isoInZone(time - 10 * 60_000))}`,
        `article: ${slug}`,
        `credit: ${q('Illustrations: Marquee Studio')}`,
        'slides:',
        ...slides.flatMap((image) => {
          const slide = [
            `  - image: ${image}`,
            `    alt: ${q(`${r.pick(bank.IMAGE_ALTS)}.`)}`,
            `    caption: ${q(r.pick(bank.CAPTIONS))}`,
            `    credit: ${q(CREDIT)}`,
          ]
          if (r.chance(0.3)) slide.push(`    title: ${q(r.pick(bank.SLIDE_TITLES))}`)
          if (r.chance(0.2)) {
            slide.push(
              `    creator: ${q('Marquee Studio')}`,
              `    license: https://creativecommons.org/licenses/by/4.0/`,
            )
          }
          return slide
        }),
      ]
      galleryFile = { path: `galleries/${gallerySlug}.yaml`, text: `${galleryLines.join('\n')}\n` }
      gallerySlugs.push(gallerySlug)
    }

    // The body: paragraphs with a few subheadings, one captioned image, links and extras.
    const target = r.int(500, 1200)
    const blocks: string[] = []
    const paragraphs: number[] = []
    const headings = r.sample(bank.HEADINGS, r.int(2, 4))
    const step = Math.max(2, Math.floor(target / 90 / (headings.length + 1)))
    let words = 0
    const [hero, inline] = r.sample(images.heroes, 2)
    for (let p = 0; words < target; p++) {
      if (p > 0 && p % step === 0 && headings.length) {
        blocks.push(`## ${headings.shift()}`)
      }
      const sentences = r
        .sample(bank.SENTENCES, r.int(3, 6))
        .map((sentence) => fill(sentence, bodyValues))
      const text = sentences.join(' ')
      words += text.split(' ').length
      paragraphs.push(blocks.length)
      blocks.push(text)
      if (p === 1) {
        blocks.push(`![${r.pick(bank.IMAGE_ALTS)}.](${inline ?? hero} "${r.pick(bank.CAPTIONS)}")`)
      }
    }
    const appendTo = (sentence: string) => {
      const index = paragraphs[r.int(0, paragraphs.length - 1)] ?? 0
      blocks[index] = `${blocks[index]} ${sentence}`
    }
    const linked = new Set<string>()
    for (let k = r.int(1, 3); k > 0; k--) {
      const other = earlier()
      if (!other || linked.has(other.slug)) continue
      linked.add(other.slug)
      const link = `[${other.title}](/${other.category}/${other.slug})`
      appendTo(r.pick(bank.LINK_SENTENCES).replace('{LINK}', link))
    }
    if (r.chance(0.3)) {
      const link = `[${main.name}](/topic/${main.slug})`
      appendTo(r.pick(bank.TOPIC_LINK_SENTENCES).replace('{LINK}', link))
    }
    const insertAt = (block: string) => {
      const at = paragraphs[r.int(1, Math.max(1, paragraphs.length - 1))] ?? blocks.length
      blocks.splice(at + 1, 0, block)
      for (let j = 0; j < paragraphs.length; j++) {
        if ((paragraphs[j] ?? 0) > at) paragraphs[j] = (paragraphs[j] ?? 0) + 1
      }
    }
    if (r.chance(0.2)) {
      const items = r
        .sample(bank.LIST_ITEMS, r.int(3, 5))
        .map((item) => `- ${fill(item, bodyValues)}`)
      insertAt(`${r.pick(bank.LIST_INTROS)}\n\n${items.join('\n')}`)
    }
    if (r.chance(0.1)) insertAt(`> ${r.pick(bank.QUOTES)}`)
    const embed = gallerySlug && r.chance(0.5) ? gallerySlug : undefined
    const embedOther = !embed && gallerySlugs.length > 1 && r.chance(0.03)
    if (embed || embedOther) {
      const slugToEmbed = embed ?? r.pick(gallerySlugs.slice(0, -1))
      if (embed) blocks.push(`[See all the photos](/gallery/${embed}/1)`)
      blocks.push(`::gallery{slug="${slugToEmbed}"}`)
    }
    blocks.push(fill(r.pick(bank.SENTENCES), bodyValues))

    // Frontmatter.
    const fm: string[] = [
      `title: ${q(title)}`,
      `dek: ${q(r.pick(bank.DEKS))}`,
      `category: ${category}`,
      `topics: [${articleTopics.map((t) => t.slug).join(', ')}]`,
      `authors: [${[
        ...new Set(Array.from({ length: r.chance(0.15) ? 2 : 1 }, () => authors[pickAuthor()]!)),
      ].join(', ')}]`,
      `publishedAt: ${q(isoInZone(time))}`,
    ]
    if (r.chance(0.15)) {
      const updates = Array.from({ length: r.int(1, 2) }, () => time + r.int(1, 48) * 3_600_000)
        .filter((at) => at <= until)
        .sort((a, b) => a - b)
      if (updates.length) {
        fm.push(
          'updates:',
          ...updates.flatMap((at) => [
            `  - at: ${q(isoInZone(at))}`,
            `    note: ${q(fill(r.pick(UPDATE_NOTES), titleValues))}`,
          ]),
        )
      }
    }
    fm.push(
      'hero:',
      `  image: ${hero}`,
      `  alt: ${q(`${r.pick(bank.IMAGE_ALTS)}.`)}`,
      `  caption: ${q(r.pick(bank.CAPTIONS))}`,
      `  credit: ${q(CREDIT)}`,
    )
    if (gallerySlug) fm.push(`gallery: ${gallerySlug}`)
    if (r.chance(0.1)) {
      const other = earlier()
      if (other) fm.push(`next: ${other.slug}`)
    }
    if (r.chance(0.15)) {
      const picks = [...new Set([earlier(), earlier()].filter((a) => a).map((a) => a!.slug))]
      if (picks.length) fm.push(`related: [${picks.join(', ')}]`)
    }
    if (r.chance(0.25)) {
      const outlet = r.pick(bank.OUTLETS)
      fm.push(`source: { name: ${q(outlet.name)}, url: ${outlet.url} }`)
    }
    if (main.kind === 'show' && r.chance(0.05)) {
      fm.push(`spoilers: ${q(`${main.name} season ${r.int(1, 5)}`)}`)
    }
    if (r.chance(0.02)) {
      const old = `${slug}-${r.pick(['report', 'update', 'exclusive'])}`
      if (!usedSlugs.has(old)) {
        usedSlugs.add(old)
        fm.push(`redirectFrom: [${old}]`)
      }
    }

    yield {
      path: `articles/${slug}.md`,
      text: `---\n${fm.join('\n')}\n---\n${blocks.join('\n\n')}\n`,
    }
    if (galleryFile) yield galleryFile

    const index = written.length
    written.push({ slug, category, title, time })
    for (const topic of articleTopics) {
      const list = byTopic.get(topic.slug)
      if (list) list.push(index)
      else byTopic.set(topic.slug, [index])
    }
  }

  // Editors' picks: four of the newest stories, from different sections when possible.
  const picks: SynthArticle[] = []
  for (const article of written.slice(-40).reverse()) {
    if (picks.length < 4 && !picks.some((pick) => pick.category === article.category)) {
      picks.push(article)
    }
  }
  yield {
    path: 'site.yaml',
    text: [
      'name: Marquee',
      `tagline: ${q('Entertainment news, told straight')}`,
      `description: ${q('A synthetic Marquee library for measuring the site at scale.')}`,
      'url: https://marquee.example',
      'language: en-US',
      `timeZone: ${TIME_ZONE}`,
      `logo: ${images.logo}`,
      'social:',
      '  - name: Mastodon',
      '    url: https://mastodon.example/@marquee',
      'editorsPicks:',
      ...picks.map((pick) => `  - ${pick.slug}`),
      '',
    ].join('\n'),
  }
  yield {
    path: 'removed.yaml',
    text: tombstones
      .map((tombstone, index) =>
        [
          `- path: ${tombstone.path}`,
          `  removedAt: ${q(isoInZone(until - (index + 1) * 30 * DAY_MS))}`,
          `  reason: ${q('The report relied on a source that later withdrew it.')}`,
        ].join('\n'),
      )
      .join('\n')
      .concat('\n'),
  }
}

const UPDATE_NOTES = [
  'Added a statement from {C}.',
  'Updated with the confirmed release month.',
  'Corrected the spelling of a cast member\u2019s name.',
  'Added details from the official announcement.',
]
