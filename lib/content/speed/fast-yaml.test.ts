import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { synthLibrary } from '@/scripts/synth/generate'
import { fastYamlData } from './fast-yaml'
import { parseYaml } from '../parse'

const CONTENT = path.resolve(__dirname, '../../../content')

function yamlData(text: string): { data?: unknown; error: boolean } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  return doc.errors.length ? { error: true } : { data: doc.toJS(), error: false }
}

function frontmatter(text: string): string {
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ''
}

const samples = [
  ...['site.yaml', 'categories.yaml', 'topics.yaml', 'removed.yaml'].map((file) =>
    readFileSync(path.join(CONTENT, file), 'utf8'),
  ),
  ...['articles', 'authors'].flatMap((dir) =>
    readdirSync(path.join(CONTENT, dir)).map((file) =>
      frontmatter(readFileSync(path.join(CONTENT, dir, file), 'utf8')),
    ),
  ),
  ...readdirSync(path.join(CONTENT, 'galleries')).map((file) =>
    readFileSync(path.join(CONTENT, 'galleries', file), 'utf8'),
  ),
  ...[
    ...synthLibrary(
      { articles: 80, seed: 'yaml', until: new Date('2026-11-01T00:00:00Z') },
      {
        heroes: ['/images/a.webp'],
        slides: ['/images/s.webp'],
        avatars: ['/images/p.webp'],
        logo: '/images/l.png',
      },
    ),
  ].map((file) => (file.path.endsWith('.md') ? frontmatter(file.text) : file.text)),
]

const EDGE_CASES = [
  'a: yes',
  'a: no',
  'a: ~',
  'a: Null',
  'a: True',
  'a: 0x1F',
  'a: 0b11',
  'a: -0',
  'a: +.5',
  'a: 2026-11-20',
  "a: '2026-11-20T10:15:00-05:00'",
  'a: 12:30',
  '<<: {b: 1}',
  'a: &x 1\nb: *x',
  'a: !!str 12',
  'a: |\n  x\n  y\n',
  'a: "\\u00e9"',
  '? [a]\n: 1',
  'a: 1\na: 2',
  'a: "x" # c',
  '',
  ' ',
  '# comment',
  'a: "line\nbreak"',
  "a: 'it''s'",
  "a: it's",
  'a: !custom x',
  'a: 1\n---\nb: 2',
  'title: "x\ty"',
  'a: [b, c]\nd: {e: f}',
  'a:\n- b\n- c',
]

describe('fastYamlData', () => {
  it('reads what yaml reads, or leaves the text to yaml', () => {
    let fast = 0
    for (const text of [...samples, ...EDGE_CASES]) {
      const result = fastYamlData(text)
      if (!result) continue
      fast++
      const slow = yamlData(text)
      expect(slow.error, text).toBe(false)
      expect(result.data, text).toEqual(slow.data)
    }
    expect(fast).toBeGreaterThan(samples.length * 0.7)
  })

  it('still finds the line of a field on the fast path', () => {
    const text = "title: 'A'\nhero:\n  image: /images/a.webp\n  alt: 'B'\n"
    const source = parseYaml(text, 'x.md', 3)
    expect(source.data).toEqual({ title: 'A', hero: { image: '/images/a.webp', alt: 'B' } })
    expect(source.lineOf(['hero', 'alt'])).toBe(6)
    expect(source.lineOf(['title'])).toBe(3)
  })
})
