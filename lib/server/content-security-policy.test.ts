import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes, policyForPage, scriptHashSource } from './content-security-policy'

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`

describe('inlineScriptHashes', () => {
  it("hashes each inline script's text as the browser reads it, UTF-8, once each", () => {
    const payload = 'self.__next_f.push([1,"Luke Cage’s set"])'
    const html = [
      `<script>${payload}</script>`,
      '<script id="_R_">(globalThis.x=1)</script>',
      `<script >${payload}</script >`,
      "<script type='module'>import('/a.js')</script>",
      '<script type="text/javascript">a()</script>',
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([
      hash(payload),
      hash('(globalThis.x=1)'),
      hash("import('/a.js')"),
      hash('a()'),
    ])
  })

  it('passes over script files and data blocks, which no hash is needed for', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script async src=/b.js></script>',
      '<script data-x="a>b" src="/c.js"></script>',
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([])
  })

  it('hashes an empty inline script, which the browser still checks', () => {
    expect(inlineScriptHashes('<script></script>')).toEqual([hash('')])
  })
})

describe('policyForPage', () => {
  it("lists exactly the page's inline scripts, and never allows inline code or eval", () => {
    const policy = policyForPage('<script>one()</script><p>text</p><script>two()</script>')
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'))
    expect(scriptSrc).toBe(`script-src 'self' ${hash('one()')} ${hash('two()')}`)
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy.split('; ')).toContain(directive)
    }
  })

  it('is a policy without hashes for a page without inline scripts', () => {
    expect(policyForPage('<p>plain</p>')).toMatch(/script-src 'self'(;|$)/)
  })

  it('uses the same hash source as scriptHashSource', () => {
    expect(scriptHashSource('x()')).toBe(hash('x()'))
  })
})
