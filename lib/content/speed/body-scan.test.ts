import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { synthLibrary } from '@/scripts/synth/generate'
import { createRandom } from '@/scripts/synth/random'
import { scanBody } from './body-scan'
import { countWords, parseBody } from '../markdown'
import { parseMarkdownFile } from '../parse'

/** What the loader reads from a parsed body: references with lines, alt texts, word count. */
function summary(body: { refs: ReturnType<typeof parseBody>['refs']; wordCount: number }) {
  return {
    images: body.refs.images.map(({ src, line, element }) => ({
      src,
      line,
      alt: String(element?.properties.alt ?? ''),
    })),
    links: body.refs.links,
    galleries: body.refs.galleries,
    unknownDirectives: body.refs.unknownDirectives,
    ranks: body.refs.ranks,
    wordCount: body.wordCount,
  }
}

/** Scans a body; when the scanner takes it, its answer must equal the full parser's. */
function agrees(markdown: string): boolean {
  const scanned = scanBody(markdown)
  if (!scanned) return false
  expect(summary(scanned), markdown).toEqual(summary(parseBody(markdown)))
  return true
}

const sampleBodies = readdirSync(path.resolve(__dirname, '../../../content/articles')).map(
  (file) =>
    parseMarkdownFile(
      readFileSync(path.resolve(__dirname, '../../../content/articles', file), 'utf8'),
      file,
    ).body,
)

const synthBodies = [
  ...synthLibrary(
    { articles: 150, seed: 'scan', until: new Date('2026-11-01T00:00:00Z') },
    {
      heroes: ['/images/articles/a.webp', '/images/articles/b.webp'],
      slides: ['/images/galleries/g/01.webp'],
      avatars: ['/images/authors/p.webp'],
      logo: '/images/site/logo.png',
    },
  ),
]
  .filter((file) => file.path.startsWith('articles/'))
  .map((file) => parseMarkdownFile(file.text, file.path).body)

const EDGE_CASES = [
  'Plain words only.',
  '![Alt text.](/images/a.webp "A caption with five words.")',
  "![Alt text.](/images/a.webp 'Single-quoted caption.')",
  '![Aspect ratio:high, a note:this long.](/images/a.webp)',
  'Before\n![Alt](/images/a.webp "Caption")\n\nAfter',
  'Text with ![inline](/images/a.webp "not a caption") image.',
  '![](/images/a.webp)',
  '![Remote](https://cdn.example.com/a.jpg)',
  '![Missing](/images/nope.webp "x")',
  'A [link](/tv/x) and [another](/movies/y "with a title") here.',
  'Glued[link](/tv/x)words and x![i](/images/a.webp)y.',
  'An [external](https://example.com/a?b=c#d) link.',
  '::gallery{slug="set-photos"}',
  'Text\n::gallery{slug="set-photos"}',
  '::poll{id="1"}',
  ':::note\nx\n:::',
  'Ratio:high and :this stay.',
  'Time 10:30 is fine.',
  '*Luke Cage* and **Alfre Woodard**, *Daredevil*,',
  'foo*bar*baz and x.*y* and snake_case',
  '# Heading\n\n## Sub heading ##\n\n###### Six',
  '- one\n- **two** items\n* three\n+ four',
  '1. one\n2. two\n\n3. three',
  'Para\n1. interrupts',
  'Para\n2. continues',
  'Para\n1.',
  '- item\n2. lazy',
  '> A quote with [a link](/tv/x).\n> Second line.',
  '> ![Quoted](/images/a.webp "caption")',
  '- ![Listed](/images/a.webp "caption")',
  '---\n\n***\n\n- - -',
  'Setext\n===\n\nOther\n---',
  'A line  \nwith a hard break',
  'Escaped \\*stars\\*',
  'Code `inline` and\n\n```\nfenced\n```',
  '    indented code',
  '<div>html</div>',
  'Tom &amp; Jerry &copy;',
  'Rock & Roll',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'Note[^1]\n\n[^1]: The note.',
  '[ref]\n\n[ref]: /tv/x',
  '[text][ref]',
  'Visit www.example.com or mail me@example.com',
  'See https://example.com now',
  '- [ ] task',
  '~~struck~~',
  '[](/tv/x)',
  '[x](javascript:alert(1))',
  '[x](/tv/a%20b)',
  '[a*b*c](/tv/x)',
  'Words\twith tab',
  'Line one\r\nLine two',
  '',
  '\n\nLeading blank lines\n\n![A](/images/a.webp "B")\n',
]

/** Ranked entries: numbered second-level headings, each filled or not, ended by a section. */
const RANKED_CASES = [
  '## 3. Three\n\nText.\n\n## 2. Two\n\n## 1.\n\nText.\n\n## After\n\nMore.',
  '## 2) Paren\n\n### Sub\n\n# 1. Top level\n\nx',
  '## **7.** Bold number\n\nText.',
  '## [7. Linked](/tv/x)\n\nText.',
  '## 7.Glued\n\n## 12345. Too long\n\nx',
  '## 7. Entry\nText\n---\n\nMore',
  '## 7. Entry\n\nSetext\n===\n',
]

describe('scanBody', () => {
  it('finds the entries of a ranked list as the full parser does, or leaves the body to it', () => {
    const scanned = RANKED_CASES.filter(agrees)
    expect(scanned.length).toBeGreaterThanOrEqual(3)
    expect(scanBody(RANKED_CASES[0]!)?.refs.ranks).toEqual([
      { rank: 3, line: 1, titled: true, filled: true },
      { rank: 2, line: 5, titled: true, filled: false },
      { rank: 1, line: 7, titled: false, filled: true },
    ])
  })

  it('agrees with the full parser on every body it takes (edge cases)', () => {
    const taken = EDGE_CASES.filter(agrees)
    expect(taken.length).toBeGreaterThan(15)
  })

  it('takes every generated body and agrees with the full parser', () => {
    expect(synthBodies.length).toBe(150)
    for (const body of synthBodies) expect(agrees(body)).toBe(true)
  })

  it('agrees on the sample library (and takes most of it)', () => {
    const taken = sampleBodies.filter(agrees)
    expect(taken.length).toBeGreaterThan(sampleBodies.length / 2)
  })

  it('agrees on bodies with tricky fragments spliced in', () => {
    const random = createRandom('fuzz')
    const fragments = [
      ...EDGE_CASES,
      ' *',
      '* ',
      '_',
      '](',
      '[',
      ']',
      ':',
      '!',
      '\n',
      '\n\n',
      '1. ',
    ]
    let taken = 0
    for (let i = 0; i < 400; i++) {
      let body = random.pick([...synthBodies, ...sampleBodies])
      for (let k = random.int(1, 3); k > 0; k--) {
        const at = random.int(0, body.length)
        body = body.slice(0, at) + random.pick(fragments) + body.slice(at)
      }
      if (agrees(body)) taken++
    }
    expect(taken).toBeGreaterThan(20)
  })
})

describe('countWords', () => {
  /** The definition: runs of non-space characters holding a letter or a digit. */
  const reference = (text: string) =>
    text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length

  it('counts as the definition does, in any script and with any spaces', () => {
    const random = createRandom('words')
    const parts = [
      'word',
      'Wörter',
      'слово',
      '単語',
      '42',
      '--',
      '*',
      '’s',
      '\u00a0',
      ' ',
      '\n',
      '\t',
      '\u2003',
      '\u3000',
      '\ufeff',
      '😀',
      '𝒳',
      '١٢',
      '.',
      '',
      'a-b',
      '\u200b',
      '\u0085',
      '\u180e',
    ]
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: random.int(0, 12) }, () => random.pick(parts)).join(
        random.pick(['', ' ']),
      )
      expect(countWords(text), JSON.stringify(text)).toBe(reference(text))
    }
  })
})
