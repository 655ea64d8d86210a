import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { synthLibrary } from '@/scripts/synth/generate'
import { splitFrontmatter } from './frontmatter'

/** gray-matter's answer with the options parse.ts used: the raw YAML given to the engine. */
function reference(text: string) {
  let yaml: string | undefined
  const parsed = matter(text, {
    engines: {
      yaml: (raw: string) => {
        yaml = raw
        return {}
      },
    },
  })
  return { yaml, content: parsed.content }
}

const dir = path.resolve(__dirname, '../../../content')
const files = [
  ...['articles', 'authors'].flatMap((folder) =>
    readdirSync(path.join(dir, folder)).map((file) =>
      readFileSync(path.join(dir, folder, file), 'utf8'),
    ),
  ),
  ...[
    ...synthLibrary(
      { articles: 40, seed: 'fm', until: new Date('2026-11-01T00:00:00Z') },
      {
        heroes: ['/images/a.webp'],
        slides: ['/images/s.webp'],
        avatars: ['/images/p.webp'],
        logo: '/images/l.png',
      },
    ),
  ]
    .filter((file) => file.path.endsWith('.md'))
    .map((file) => file.text),
]

const EDGE_CASES = [
  '---\ntitle: x\n---\nBody',
  '---\r\ntitle: x\r\n---\r\nBody',
  '---\ntitle: x\n---',
  '---\ntitle: x\n---\n\nTwo blank lines before',
  '---\n# only a comment\n---\nBody',
  '---\n\n---\nBody',
  '---\ntitle: x\n',
  '----\ntitle: x\n----\nBody',
  '---\ntitle: x\n---more\nBody',
  '---\ntitle: x\n----\nBody',
  '\ufeff---\ntitle: x\n---\nBody',
  'No front matter at all',
  '---yaml\ntitle: x\n---\nBody',
  '---\n---\n---\nBody',
]

describe('splitFrontmatter', () => {
  it('splits as gray-matter does', () => {
    for (const text of [...files, ...EDGE_CASES]) {
      const split = splitFrontmatter(text)
      if (!split) continue
      expect(
        { yaml: split.yaml, content: split.content },
        JSON.stringify(text.slice(0, 40)),
      ).toEqual(reference(text))
    }
  })

  it('leaves a language after the opening delimiter to gray-matter', () => {
    expect(splitFrontmatter('---yaml\ntitle: x\n---\nBody')).toBeUndefined()
  })
})
