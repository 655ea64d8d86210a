import { describe, expect, it } from 'vitest'
import { formatIssue } from './errors'
import { parseMarkdownFile, parseYaml } from './parse'

const ARTICLE = 'articles/story.md'

describe('parseYaml', () => {
  it('keeps dates as strings with their offset, and "no" as a string', () => {
    const { data, issues } = parseYaml('at: 2026-11-20T10:15:00-05:00\nanswer: no\n', 'x.yaml')
    expect(issues).toEqual([])
    expect(data).toEqual({ at: '2026-11-20T10:15:00-05:00', answer: 'no' })
  })

  it('reports a duplicate key on the line of the second key', () => {
    const { data, issues } = parseYaml('name: a\ntagline: b\nname: c\n', 'site.yaml')
    expect(data).toBeUndefined()
    expect(issues.map((issue) => formatIssue(issue))).toEqual([
      'site.yaml:3: error: invalid YAML: Map keys must be unique',
    ])
  })

  it('reports a badly indented sequence item on its line', () => {
    const text = '- slug: tv\n  name: TV\n - slug: movies\n   name: Movies\n'
    const { issues } = parseYaml(text, 'categories.yaml')
    expect(issues[0] && formatIssue(issues[0])).toMatch(
      /^categories\.yaml:3: error: invalid YAML: .*same column/,
    )
  })

  it('reports a badly indented key inside a list item on its line', () => {
    const text = 'title: Set photos\nslides:\n  - image: /images/a.webp\n   alt: Misaligned\n'
    const { issues } = parseYaml(text, 'galleries/set.yaml')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: 'galleries/set.yaml', line: 4, field: '' })
    expect(issues[0]?.message).toMatch(/^invalid YAML: /)
  })

  it('finds the line of a nested field, and of the nearest parent of a missing one', () => {
    const text = 'title: Set photos\nslides:\n  - image: /images/a.webp\n    alt: A camera\n'
    const source = parseYaml(text, 'galleries/set.yaml')
    expect(source.lineOf(['title'])).toBe(1)
    expect(source.lineOf(['slides', 0, 'alt'])).toBe(4)
    expect(source.lineOf(['slides', 0, 'caption'])).toBe(3)
  })
})

describe('parseMarkdownFile', () => {
  it('counts frontmatter lines as file lines and finds where the body starts', () => {
    const text = '---\ntitle: A\ndek: B\n---\nFirst line of the body.\n'
    const { frontmatter, body, bodyLine } = parseMarkdownFile(text, ARTICLE)
    expect(frontmatter.data).toEqual({ title: 'A', dek: 'B' })
    expect(frontmatter.lineOf(['dek'])).toBe(3)
    expect(body).toBe('First line of the body.\n')
    expect(bodyLine).toBe(5)
  })

  it('reports a file without frontmatter on line 1', () => {
    const { frontmatter } = parseMarkdownFile('title: A\n\nJust a body.\n', ARTICLE)
    expect(frontmatter.issues.map((issue) => formatIssue(issue))).toEqual([
      `${ARTICLE}:1: error: missing frontmatter: the file must start with YAML between two lines ` +
        'of "---"\n' +
        '    hint: Put the YAML fields between two lines of "---" at the top of the file.',
    ])
  })

  it('reports frontmatter that is never closed on line 1', () => {
    const { frontmatter } = parseMarkdownFile('---\ntitle: A\ndek: B\n\nThe body.\n', ARTICLE)
    expect(frontmatter.issues).toHaveLength(1)
    expect(frontmatter.issues[0]).toMatchObject({ file: ARTICLE, line: 1 })
    expect(frontmatter.issues[0]?.message).toMatch(/^missing frontmatter/)
  })

  it('reports frontmatter that does not start on the first line', () => {
    const { frontmatter } = parseMarkdownFile('\n---\ntitle: A\n---\nBody\n', ARTICLE)
    expect(frontmatter.issues[0]).toMatchObject({ line: 1 })
    expect(frontmatter.issues[0]?.message).toMatch(/^missing frontmatter/)
  })

  it('reports a duplicate key in frontmatter on its line in the file', () => {
    const text = '---\ntitle: A\ndek: B\ntitle: C\n---\nBody\n'
    const { frontmatter } = parseMarkdownFile(text, ARTICLE)
    expect(frontmatter.issues.map((issue) => formatIssue(issue))).toEqual([
      `${ARTICLE}:4: error: invalid YAML: Map keys must be unique`,
    ])
  })

  it('reports bad indentation in frontmatter on its line in the file', () => {
    const text = '---\ntitle: A\nauthors:\n  - dana\n - leo\n---\nBody\n'
    const { frontmatter } = parseMarkdownFile(text, ARTICLE)
    expect(frontmatter.issues[0]).toMatchObject({ file: ARTICLE, line: 5 })
  })

  it('keeps file lines right in a file with Windows line endings', () => {
    const text = '---\r\ntitle: A\r\ntags: [\r\n---\r\nBody\r\n'
    const { frontmatter } = parseMarkdownFile(text, ARTICLE)
    expect(frontmatter.issues[0]).toMatchObject({ file: ARTICLE, line: 3 })
  })
})
