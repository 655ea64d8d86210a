/**
 * Writes a synthetic content library for measuring the site at scale.
 *
 *   npm run content:synth -- --articles 10000 --out /work/synth/10k [--seed marquee]
 *                            [--until 2026-11-23T00:00:00Z] [--images content/images] [--force]
 *
 * The same --seed and --until give the same library, byte for byte. --until (the newest possible
 * date; stories spread over the two years before it) defaults to the start of today in UTC.
 * Images are hard-linked (or copied) from --images, a small set reused by every story.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { writeSynthLibrary } from './synth/write'

function startOfTodayUtc(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: 'marquee' },
      until: { type: 'string' },
      images: { type: 'string', default: path.join(__dirname, '..', 'content', 'images') },
      force: { type: 'boolean', default: false },
    },
  })
  const articles = Number(values.articles)
  if (!values.out) throw new Error('--out DIR is required')
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be ≥ 1')
  const until = values.until ? new Date(values.until) : startOfTodayUtc()
  if (Number.isNaN(until.getTime())) throw new Error(`--until: not a date: ${values.until}`)
  if (until.getTime() > Date.now()) throw new Error('--until must not be in the future')

  const stats = writeSynthLibrary({
    articles,
    seed: values.seed,
    until,
    out: values.out,
    imagesFrom: values.images,
    force: values.force,
  })
  console.log(
    `${values.out}: ${articles} articles, ${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB of text), ` +
      `${stats.images} images linked, seed "${values.seed}", until ${until.toISOString()}, ` +
      `in ${(stats.ms / 1000).toFixed(1)} s`,
  )
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
