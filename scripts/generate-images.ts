/**
 * Draws the library's placeholder art: every /images/… path referenced by a Markdown or YAML
 * file of the content library becomes a deterministic poster (palette and shapes seeded from the
 * path), written under <library>/images/. Existing files are kept unless --force is passed.
 *
 *   npm run images              # create the missing images in CONTENT_DIR (default content/)
 *   npm run images -- --force   # redraw every referenced image
 */
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { imageFile } from '../lib/content/images'
import { parseMarkdownFile, parseYaml, type YamlSource } from '../lib/content/parse'
import { contentDir } from '../lib/env'

type ImageKind = 'hero' | 'inline' | 'slide' | 'avatar' | 'logo'
type Motif = 'marquee' | 'filmstrip' | 'halftone' | 'pixels' | 'screen'
type Random = () => number
type Fields = Record<string, unknown>

interface ImageSpec {
  kind: ImageKind
  width: number
  height: number
}

/** Which story an image belongs to: its category picks the motif. */
interface StoryContext {
  story?: string
  category?: string
}

interface ImageRef extends StoryContext {
  urlPath: string
  label: string
}

interface Palette {
  from: string
  to: string
  accent: string
  glow: string
}

interface Canvas {
  width: number
  height: number
  palette: Palette
  random: Random
}

const IMAGE_SPECS: readonly { pattern: RegExp; spec: ImageSpec }[] = [
  {
    pattern: /^\/images\/articles\/[a-z0-9-]+-inline-\d+\.webp$/,
    spec: { kind: 'inline', width: 1200, height: 800 },
  },
  {
    pattern: /^\/images\/articles\/[a-z0-9-]+\.webp$/,
    spec: { kind: 'hero', width: 1600, height: 900 },
  },
  {
    pattern: /^\/images\/galleries\/[a-z0-9-]+\/\d{2}\.webp$/,
    spec: { kind: 'slide', width: 1600, height: 1067 },
  },
  {
    pattern: /^\/images\/authors\/[a-z0-9-]+\.webp$/,
    spec: { kind: 'avatar', width: 400, height: 400 },
  },
  { pattern: /^\/images\/site\/logo\.png$/, spec: { kind: 'logo', width: 512, height: 512 } },
]

const PALETTES: readonly [Palette, ...Palette[]] = [
  { from: '#1b1035', to: '#7a1f5c', accent: '#ffb627', glow: '#ffe9a8' },
  { from: '#0b1d3a', to: '#1f6f8b', accent: '#ff6b6b', glow: '#ffd6a5' },
  { from: '#2b0f0e', to: '#a4161a', accent: '#f4d35e', glow: '#fff1c1' },
  { from: '#0d2818', to: '#2d6a4f', accent: '#f9c74f', glow: '#fdf0c4' },
  { from: '#111114', to: '#3d3d46', accent: '#ffd60a', glow: '#fff3b0' },
  { from: '#1a1a2e', to: '#0f4c75', accent: '#e94560', glow: '#ffd1dc' },
  { from: '#231942', to: '#be3455', accent: '#5ee7df', glow: '#d6fff9' },
  { from: '#3d0c02', to: '#c1440e', accent: '#00b4d8', glow: '#caf0f8' },
]

const MOTIF_BY_CATEGORY: Readonly<Record<string, Motif>> = {
  tv: 'marquee',
  movies: 'filmstrip',
  comics: 'halftone',
  gaming: 'pixels',
  streaming: 'screen',
}

const SANS = 'font-family="sans-serif" font-weight="bold"'
const IMAGE_KEYS = ['image', 'avatar', 'logo'] as const
const CLAUSE_BREAK = /,\s|\s(?:while|as|after|before|during|where|which)\s|\s[–—]\s/
const DANGLING_WORD =
  /^(?:a|an|the|of|on|in|to|at|by|for|and|or|with|from|his|her|its|their|is|are|was|were|will)$/i
const MARKDOWN_IMAGE = /!\[([^\]]*)\]\((\/images\/[^\s)]+)(?:\s+"([^"]*)")?\)/g
/** A `::video{…}` directive's attributes; its poster is drawn like a hero, labelled with its title. */
const VIDEO_DIRECTIVE = /^::video\{([^}]*)\}/gm

// ---------------------------------------------------------------- scanning the library

async function listContentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(?:md|yaml)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * A caption cut down to a poster label: its first sentence, or the sentence's opening clause when
 * that says enough, then whole words up to `max` characters without a dangling "the" or "is".
 */
function shorten(caption: string, max = 44): string {
  const sentence = (caption.split(/(?<=[.!?])\s/)[0] ?? caption).replace(/[.!?]$/, '')
  const clause = sentence.split(CLAUSE_BREAK)[0] ?? sentence
  const label = clause.length >= 24 ? clause : sentence
  if (label.length <= max) return label
  const lastSpace = label.lastIndexOf(' ', max)
  const words = label.slice(0, lastSpace > 0 ? lastSpace : max).split(' ')
  while (words.length > 1 && DANGLING_WORD.test(words.at(-1) ?? '')) words.pop()
  return `${words.join(' ').replace(/[,;:–—-]+$/, '')}…`
}

function labelFor(fields: Fields, parentKey: string, documentName: string): string {
  const heroTitle = parentKey === 'hero' ? documentName : undefined
  const caption = text(fields.caption) ?? text(fields.alt)
  return (
    text(fields.title) ??
    heroTitle ??
    (caption && shorten(caption)) ??
    text(fields.name) ??
    documentName
  )
}

/** Walks parsed YAML for `image:`, `avatar:` and `logo:` values that point into /images/. */
function refsInData(
  data: unknown,
  context: StoryContext,
  documentName: string,
  parentKey = '',
): ImageRef[] {
  if (Array.isArray(data)) {
    return data.flatMap((item) => refsInData(item, context, documentName, parentKey))
  }
  if (!isFields(data)) return []
  const own = IMAGE_KEYS.flatMap((key) => {
    const urlPath = text(data[key])
    if (!urlPath?.startsWith('/images/')) return []
    return [{ urlPath, label: labelFor(data, parentKey, documentName), ...context }]
  })
  const nested = Object.entries(data).flatMap(([key, value]) =>
    refsInData(value, context, documentName, key),
  )
  return [...own, ...nested]
}

function refsInMarkdown(body: string, context: StoryContext): ImageRef[] {
  const images = [...body.matchAll(MARKDOWN_IMAGE)].map(([, alt = '', urlPath = '', caption]) => ({
    urlPath,
    label: shorten(text(caption) ?? alt),
    ...context,
  }))
  const posters = [...body.matchAll(VIDEO_DIRECTIVE)].flatMap(([, attributes = '']) => {
    const value = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]
    const urlPath = value('poster')
    if (!urlPath?.startsWith('/images/')) return []
    return [{ urlPath, label: shorten(value('title') ?? 'Video'), ...context }]
  })
  return [...images, ...posters]
}

/** Parsed YAML fields, or none (with a warning) when the YAML does not parse. */
function fieldsOf(source: YamlSource, file: string): Fields {
  if (source.issues.length) console.warn(`! ${file}: invalid YAML, its fields were skipped`)
  return isFields(source.data) ? source.data : {}
}

async function scanFile(file: string): Promise<ImageRef[]> {
  const source = await readFile(file, 'utf8')
  if (file.endsWith('.yaml')) {
    const parsed = parseYaml(source, file)
    const fields = fieldsOf(parsed, file)
    const name = text(fields.title) ?? text(fields.name) ?? ''
    return refsInData(parsed.data, { story: text(fields.article) }, name)
  }
  const { frontmatter, body } = parseMarkdownFile(source, file)
  const fields = fieldsOf(frontmatter, file)
  const category = text(fields.category)
  const context = category ? { story: path.basename(file, '.md'), category } : {}
  const name = text(fields.title) ?? text(fields.name) ?? ''
  return [...refsInData(fields, context, name), ...refsInMarkdown(body, context)]
}

/** Gallery slides take the category of the story they belong to. */
function withStoryCategories(refs: ImageRef[]): ImageRef[] {
  const categories = new Map<string, string>()
  for (const ref of refs) if (ref.story && ref.category) categories.set(ref.story, ref.category)
  return refs.map((ref) => ({
    ...ref,
    category: ref.category ?? (ref.story ? categories.get(ref.story) : undefined),
  }))
}

async function collectImageRefs(root: string): Promise<ImageRef[]> {
  const files = await listContentFiles(root)
  const refs = withStoryCategories((await Promise.all(files.map(scanFile))).flat())
  const unique = new Map<string, ImageRef>()
  for (const ref of refs) if (!unique.has(ref.urlPath)) unique.set(ref.urlPath, ref)
  return [...unique.values()]
}

// ---------------------------------------------------------------- seeded randomness

/** FNV-1a: a stable 32-bit hash, so the same path always draws the same picture. */
function hashString(value: string): number {
  let hash = 0x811c9dc5
  for (const char of value) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return hash >>> 0
}

/** mulberry32: a tiny deterministic generator of numbers in [0, 1). */
function createRandom(seed: number): Random {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function between(random: Random, min: number, max: number): number {
  return Math.round(min + random() * (max - min))
}

function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0]
}

// ---------------------------------------------------------------- text

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char)
}

/** Approximate advance widths of DejaVu Sans Bold, in ems, good enough to wrap lines. */
function textWidth(value: string, fontSize: number): number {
  let ems = 0
  for (const char of value) {
    if (char === ' ') ems += 0.35
    else if (/[iljtfr.,:;'!|()]/.test(char)) ems += 0.42
    else if (/[mwMW]/.test(char)) ems += 1.05
    else if (/[A-Z0-9]/.test(char)) ems += 0.78
    else ems += 0.69
  }
  return ems * fontSize
}

function wrapWords(label: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = []
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= maxWidth) {
      lines[lines.length - 1] = `${last} ${word}`
    } else {
      lines.push(word)
    }
  }
  return lines
}

/** The largest size at which the label fits; at `minSize` the last line gets an ellipsis. */
function fitHeadline(
  label: string,
  maxWidth: number,
  maxLines: number,
  [minSize, maxSize]: readonly [number, number],
): { lines: string[]; fontSize: number } {
  for (let fontSize = maxSize; fontSize >= minSize; fontSize -= 4) {
    const lines = wrapWords(label, fontSize, maxWidth)
    const fits = lines.every((line) => textWidth(line, fontSize) <= maxWidth)
    if (lines.length <= maxLines && fits) return { lines, fontSize }
  }
  const lines = wrapWords(label, minSize, maxWidth).slice(0, maxLines)
  const last = lines.pop() ?? ''
  return { lines: [...lines, `${last.replace(/[\s,;:.…]+$/, '')}…`], fontSize: minSize }
}

function initials(name: string): string {
  const letters = name.split(/\s+/).map((word) => word.charAt(0).toUpperCase())
  return (letters.length > 1 ? `${letters[0]}${letters.at(-1)}` : (letters[0] ?? '')) || 'M'
}

// ---------------------------------------------------------------- layers

function background({ width, height, palette, random }: Canvas): string {
  const [x2, y2] = pick<readonly [number, number]>(random, [
    [1, 1],
    [0, 1],
    [1, 0],
  ])
  return `<defs>
    <linearGradient id="bg" x1="0" y1="0" x2="${x2}" y2="${y2}">
      <stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/>
    </linearGradient>
    <radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75">
      <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.55"/>
    </radialGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>
  <rect width="${width}" height="${height}" fill="url(#vignette)"/>`
}

/** Big translucent circles, rings and a diagonal band: the poster's geometry. */
function shapes({ width, height, palette, random }: Canvas): string {
  const circle = () => {
    const r = between(random, height * 0.18, height * 0.42)
    const [cx, cy] = [between(random, 0, width), between(random, 0, height * 0.7)]
    return random() < 0.5
      ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${palette.accent}" opacity="0.16"/>`
      : `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${palette.glow}"
          stroke-width="${between(random, 6, 18)}" opacity="0.22"/>`
  }
  const bandY = between(random, height * 0.1, height * 0.6)
  const band = `<polygon points="0,${bandY} ${width},${bandY - height * 0.35}
    ${width},${bandY - height * 0.2} 0,${bandY + height * 0.15}" fill="${palette.accent}"
    opacity="0.12"/>`
  return [circle(), circle(), circle(), band].join('')
}

/** Stage spotlights: soft beams falling from above the frame. */
function spotlights({ width, height, random }: Canvas): string {
  const beam = (index: number) => {
    const x = between(random, width * 0.1, width * 0.9)
    const spread = between(random, width * 0.12, width * 0.22)
    const drift = between(random, -width * 0.25, width * 0.25)
    return `<polygon points="${x - 18},-10 ${x + 18},-10 ${x + drift + spread},${height}
      ${x + drift - spread},${height}" fill="url(#beam)" filter="url(#soft)"
      opacity="${(0.5 + index * 0.2).toFixed(2)}"/>`
  }
  return `<defs>
    <linearGradient id="beam" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#fff" stop-opacity="0.45"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </linearGradient>
    <filter id="soft" x="-20%" y="-20%" width="140%" height="140%">
      <feGaussianBlur stdDeviation="14"/>
    </filter>
  </defs>${[0, 1].map(beam).join('')}`
}

function bulb(cx: number, cy: number, color: string, lit: boolean): string {
  const opacity = lit ? 1 : 0.45
  return `<circle cx="${cx}" cy="${cy}" r="17" fill="${color}" opacity="${opacity * 0.25}"/>
    <circle cx="${cx}" cy="${cy}" r="8" fill="${color}" opacity="${opacity}"/>`
}

/** A ring of marquee light bulbs around the frame. */
function marquee({ width, height, palette, random }: Canvas): string {
  const inset = 34
  const step = 56
  const glow = palette.glow
  const bulbs: string[] = []
  for (let x = inset; x <= width - inset; x += step) {
    bulbs.push(bulb(x, inset, glow, random() > 0.2), bulb(x, height - inset, glow, true))
  }
  for (let y = inset + step; y < height - inset; y += step) {
    bulbs.push(bulb(inset, y, glow, random() > 0.2), bulb(width - inset, y, glow, true))
  }
  const frame = `<rect x="${inset + 22}" y="${inset + 22}" width="${width - 2 * inset - 44}"
    height="${height - 2 * inset - 44}" rx="18" fill="none" stroke="${palette.accent}"
    stroke-width="5" opacity="0.8"/>`
  return frame + bulbs.join('')
}

/** A tilted strip of film with sprocket holes and tinted frames. */
function filmstrip({ width, height, palette, random }: Canvas): string {
  const stripHeight = Math.round(height * 0.34)
  const y = between(random, height * 0.08, height * 0.3)
  const angle = between(random, -9, 9)
  const frameWidth = Math.round(stripHeight * 1.25)
  const holes: string[] = []
  for (let x = -width * 0.2; x < width * 1.2; x += 44) {
    holes.push(`<rect x="${x}" y="${y + 12}" width="24" height="18" rx="4" fill="#f5efe0"/>`)
    holes.push(`<rect x="${x}" y="${y + stripHeight - 30}" width="24" height="18" rx="4"
      fill="#f5efe0"/>`)
  }
  const frames: string[] = []
  for (let x = -width * 0.2; x < width * 1.2; x += frameWidth + 24) {
    frames.push(`<rect x="${x}" y="${y + 44}" width="${frameWidth}" height="${stripHeight - 88}"
      rx="6" fill="url(#frame)" opacity="${(0.45 + random() * 0.45).toFixed(2)}"/>`)
  }
  return `<defs>
    <linearGradient id="frame" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${palette.glow}"/>
      <stop offset="1" stop-color="${palette.accent}"/>
    </linearGradient>
  </defs>
  <g transform="rotate(${angle} ${width / 2} ${y + stripHeight / 2})" opacity="0.9">
    <rect x="${-width * 0.2}" y="${y}" width="${width * 1.4}" height="${stripHeight}"
      fill="#0c0a0f"/>${holes.join('')}${frames.join('')}</g>`
}

/** Comic-book halftone dots inside a burst, with speed lines behind. */
function halftone({ width, height, palette, random }: Canvas): string {
  const cx = between(random, width * 0.55, width * 0.8)
  const cy = between(random, height * 0.3, height * 0.5)
  const radius = Math.round(height * 0.38)
  const spikes = 18
  const dot = Math.max(11, Math.round(width / 45))
  const burst = Array.from({ length: spikes * 2 }, (_, index) => {
    const angle = (Math.PI * index) / spikes
    const r = index % 2 ? radius * 0.78 : radius * 1.12
    return `${Math.round(cx + r * Math.cos(angle))},${Math.round(cy + r * Math.sin(angle))}`
  }).join(' ')
  const lines = Array.from({ length: 16 }, (_, index) => {
    const angle = (Math.PI * 2 * index) / 16
    const far = width
    return `<line x1="${cx}" y1="${cy}" x2="${Math.round(cx + far * Math.cos(angle))}"
      y2="${Math.round(cy + far * Math.sin(angle))}" stroke="${palette.glow}" stroke-width="10"
      opacity="0.08"/>`
  }).join('')
  return `<defs>
    <pattern id="dots" width="${dot * 2}" height="${dot * 2}" patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)">
      <circle cx="${dot}" cy="${dot}" r="${dot * 0.55}" fill="${palette.from}" opacity="0.4"/>
    </pattern>
  </defs>${lines}
  <polygon points="${burst}" fill="${palette.accent}"/>
  <polygon points="${burst}" fill="url(#dots)"/>
  <circle cx="${cx}" cy="${cy}" r="${radius * 0.5}" fill="${palette.glow}"/>`
}

/** A pixel-art heart, the arcade's extra life: one row per string, X marks a filled cell. */
const PIXEL_HEART = [
  '.XX...XX.',
  'XOXX.XXXX',
  'XXXXXXXXX',
  'XXXXXXXXX',
  '.XXXXXXX.',
  '..XXXXX..',
  '...XXX...',
  '....X....',
] as const

/** Chunky arcade blocks hanging from the top edge, a pixel heart and a few pixel sparkles. */
function pixels({ width, height, palette, random }: Canvas): string {
  const size = Math.round(height / 14)
  const blocks: string[] = []
  let stack = between(random, 1, 3)
  for (let column = 0; column * size < width; column++) {
    stack = Math.max(1, Math.min(5, stack + between(random, -1, 1)))
    for (let row = 0; row < stack; row++) {
      const fill = row === stack - 1 ? palette.accent : palette.to
      blocks.push(`<rect x="${column * size}" y="${row * size}" width="${size - 4}"
        height="${size - 4}" fill="${fill}" opacity="0.6"/>`)
    }
  }
  const cell = Math.round(height / 20)
  const left = width - Math.round(width * 0.07) - cell * 9 - between(random, 0, width * 0.06)
  const top = Math.round(height * 0.5 - cell * 4)
  const heart = PIXEL_HEART.flatMap((line, row) =>
    [...line].flatMap((mark, column) =>
      mark === '.'
        ? []
        : [
            `<rect x="${left + column * cell}" y="${top + row * cell}" width="${cell}"
              height="${cell}" fill="${mark === 'O' ? palette.glow : palette.accent}"/>`,
          ],
    ),
  )
  const sparkles = Array.from({ length: 4 }, (_, index) => {
    const x = Math.round(width * (0.3 + index * 0.09)) + between(random, -20, 20)
    const y = between(random, height * 0.36, height * 0.52)
    const unit = Math.round(size / 3)
    return `<g fill="${palette.glow}" opacity="0.85">
      <rect x="${x - unit / 2}" y="${y - unit * 1.5}" width="${unit}" height="${unit * 3}"/>
      <rect x="${x - unit * 1.5}" y="${y - unit / 2}" width="${unit * 3}" height="${unit}"/>
    </g>`
  })
  return blocks.join('') + heart.join('') + sparkles.join('')
}

/** A tilted streaming screen with a play button and a progress bar, cards stacked behind. */
function screen({ width, height, palette, random }: Canvas): string {
  const screenWidth = Math.round(width * 0.46)
  const screenHeight = Math.round(screenWidth * 0.5625)
  const x = between(random, width * 0.42, width * 0.5)
  const y = between(random, height * 0.08, height * 0.16)
  const angle = between(random, -6, 6)
  const cards = [3, 2, 1].map(
    (depth) => `<rect x="${x + depth * 34}" y="${y - depth * 26}" width="${screenWidth}"
      height="${screenHeight}" rx="22" fill="${palette.glow}" opacity="${0.08 * (4 - depth)}"/>`,
  )
  const [cx, cy] = [x + screenWidth / 2, y + screenHeight / 2]
  const progress = between(random, 0.2, 0.8) * (screenWidth - 80)
  return `<defs>
    <linearGradient id="screen" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${palette.to}"/><stop offset="1" stop-color="#050508"/>
    </linearGradient>
  </defs>
  <g transform="rotate(${angle} ${cx} ${cy})">${cards.join('')}
    <rect x="${x}" y="${y}" width="${screenWidth}" height="${screenHeight}" rx="22"
      fill="url(#screen)" stroke="${palette.glow}" stroke-width="4"/>
    <circle cx="${cx}" cy="${cy}" r="${screenHeight * 0.17}" fill="${palette.accent}"/>
    <polygon points="${cx - 22},${cy - 32} ${cx - 22},${cy + 32} ${cx + 34},${cy}" fill="#fff"/>
    <rect x="${x + 40}" y="${y + screenHeight - 44}" width="${screenWidth - 80}" height="10"
      rx="5" fill="#fff" opacity="0.25"/>
    <rect x="${x + 40}" y="${y + screenHeight - 44}" width="${progress}" height="10" rx="5"
      fill="${palette.accent}"/>
  </g>`
}

const MOTIFS: Readonly<Record<Motif, (canvas: Canvas) => string>> = {
  marquee,
  filmstrip,
  halftone,
  pixels,
  screen,
}

/** A dark scrim along the bottom, a kicker tag and the headline in big white type. */
function headline(canvas: Canvas, label: string, kicker: string): string {
  const { width, height, palette } = canvas
  const margin = Math.round(width * 0.065)
  const maxSize = Math.round(width / 19)
  const { lines, fontSize } = fitHeadline(label, width * 0.72, 3, [
    Math.round(maxSize * 0.6),
    maxSize,
  ])
  const lineHeight = Math.round(fontSize * 1.12)
  const bottom = height - margin
  const top = bottom - lineHeight * (lines.length - 1)
  const kickerSize = Math.round(fontSize * 0.36)
  const kickerY = top - fontSize - kickerSize * 0.9
  const kickerWidth = textWidth(kicker.toUpperCase(), kickerSize) + kickerSize * 1.6
  const rows = lines.map(
    (line, index) => `<text x="${margin}" y="${top + index * lineHeight}" ${SANS}
      font-size="${fontSize}" fill="#fff">${escapeXml(line)}</text>`,
  )
  return `<defs>
    <linearGradient id="scrim" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.78"/>
    </linearGradient>
  </defs>
  <rect y="${kickerY - kickerSize * 3}" width="${width}" height="${height}" fill="url(#scrim)"/>
  <rect x="${margin}" y="${kickerY - kickerSize * 1.2}" width="${kickerWidth}"
    height="${kickerSize * 1.7}" fill="${palette.accent}"/>
  <text x="${margin + kickerSize * 0.8}" y="${kickerY}" ${SANS} font-size="${kickerSize}"
    letter-spacing="2" fill="#111">${escapeXml(kicker.toUpperCase())}</text>
  ${rows.join('')}`
}

function kickerFor(ref: ImageRef, kind: ImageKind): string {
  const slide = ref.urlPath.match(/(\d{2})\.webp$/)?.[1]
  if (kind === 'slide' && slide) return `Photo ${slide}`
  return ref.category ?? 'Marquee'
}

function posterSvg(ref: ImageRef, spec: ImageSpec, canvas: Canvas): string {
  const motif =
    MOTIF_BY_CATEGORY[ref.category ?? ''] ?? (spec.kind === 'slide' ? 'filmstrip' : 'marquee')
  return [
    background(canvas),
    shapes(canvas),
    MOTIFS[motif](canvas),
    spotlights(canvas),
    headline(canvas, ref.label, kickerFor(ref, spec.kind)),
  ].join('')
}

/** A round portrait plate: halftone burst behind big serif initials. */
function avatarSvg(ref: ImageRef, canvas: Canvas): string {
  const { width, palette } = canvas
  const half = width / 2
  const monogram = initials(ref.label)
  return [
    background(canvas),
    halftone(canvas),
    `<circle cx="${half}" cy="${half}" r="${half * 0.62}" fill="${palette.from}"/>
    <circle cx="${half}" cy="${half}" r="${half * 0.62}" fill="none" stroke="${palette.accent}"
      stroke-width="8"/>
    <text x="${half}" y="${half}" dy="0.35em" text-anchor="middle" font-family="serif"
      font-weight="bold" font-size="${width * 0.3}" fill="#fff">${escapeXml(monogram)}</text>`,
  ].join('')
}

/** The Marquee mark: a bold geometric M inside a ring of marquee bulbs. */
function logoSvg(width: number): string {
  const scale = width / 512
  const bulbs = Array.from({ length: 24 }, (_, index) => {
    const angle = (Math.PI * 2 * index) / 24
    return bulb(256 + 212 * Math.cos(angle), 256 + 212 * Math.sin(angle), '#fff4c2', true)
  })
  const mark =
    '138,364 138,148 199,148 256,241 313,148 374,148 374,364 320,364 320,240 256,338 ' +
    '192,240 192,364'
  return `<defs>
    <linearGradient id="plate" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#c1121f"/><stop offset="1" stop-color="#590d22"/>
    </linearGradient>
    <linearGradient id="gold" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffe08a"/><stop offset="1" stop-color="#f4a21d"/>
    </linearGradient>
  </defs>
  <g transform="scale(${scale})">
    <rect width="512" height="512" rx="96" fill="url(#plate)"/>${bulbs.join('')}
    <polygon points="${mark}" fill="url(#gold)" stroke="#3a0712" stroke-width="6"
      stroke-linejoin="round"/>
  </g>`
}

function drawSvg(ref: ImageRef, spec: ImageSpec): string {
  const random = createRandom(hashString(ref.urlPath))
  const canvas = { width: spec.width, height: spec.height, palette: pick(random, PALETTES), random }
  const body =
    spec.kind === 'logo'
      ? logoSvg(spec.width)
      : spec.kind === 'avatar'
        ? avatarSvg(ref, canvas)
        : posterSvg(ref, spec, canvas)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}"
    viewBox="0 0 ${spec.width} ${spec.height}">${body}</svg>`
}

// ---------------------------------------------------------------- writing files

function specFor(urlPath: string): ImageSpec | undefined {
  return IMAGE_SPECS.find(({ pattern }) => pattern.test(urlPath))?.spec
}

async function render(svg: string, spec: ImageSpec): Promise<Buffer> {
  const image = sharp(Buffer.from(svg))
  return spec.kind === 'logo'
    ? image.png({ compressionLevel: 9, palette: true }).toBuffer()
    : image.webp({ quality: 72, effort: 4, preset: 'photo' }).toBuffer()
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(2)} MB`
}

type Outcome = { status: 'written'; bytes: number } | { status: 'present' | 'unknown' }

async function generateImage(root: string, ref: ImageRef, force: boolean): Promise<Outcome> {
  const spec = specFor(ref.urlPath)
  const file = imageFile(root, ref.urlPath)
  if (!spec || !file) {
    console.warn(`! ${ref.urlPath}: no image size is defined for this path`)
    return { status: 'unknown' }
  }
  if (!force && (await exists(file))) return { status: 'present' }
  const buffer = await render(drawSvg(ref, spec), spec)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, buffer)
  console.log(`+ ${ref.urlPath} ${spec.width}x${spec.height} ${formatBytes(buffer.length)}`)
  return { status: 'written', bytes: buffer.length }
}

/** Maps with at most `limit` tasks in flight: sharp renders each SVG on its own thread. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index]
      if (item !== undefined) results[index] = await task(item)
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force')
  const root = contentDir()
  const refs = await collectImageRefs(root)
  const outcomes = await mapLimited(refs, 4, (ref) => generateImage(root, ref, force))
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length
  const bytes = outcomes.reduce((sum, o) => sum + (o.status === 'written' ? o.bytes : 0), 0)
  console.log(
    `${count('written')} image(s) written (${formatBytes(bytes)}), ` +
      `${count('present')} already present, ${refs.length} referenced`,
  )
  if (count('unknown')) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 2
})
