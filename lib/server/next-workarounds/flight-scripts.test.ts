import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes } from '../content-security-policy'
import { joinFlightScripts } from './flight-scripts'

/** The end of a page as Next writes it: its payload, one script per flushed chunk. */
const CHUNKS = [
  '(self.__next_f=self.__next_f||[]).push([0])',
  'self.__next_f.push([1,"1:\\"/_next/static/chunks/a.js\\"\\n"])',
  'self.__next_f.push([1,"5:[\\"$\\",\\"html\\",null,{\\"lang\\":\\"en-US\\"}]\\n"])',
  'self.__next_f.push([1,"c:[\\"$\\",\\"p\\",null,{\\"children\\":\\"Luke Cage’s \\u003cb\\u003eset\\u003c/b\\u003e\\"}]\\n"])',
]
const HEAD =
  '<!DOCTYPE html><html><head><script>(function(){document.documentElement.classList.add("js")})()</script>' +
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><p>Story</p>' +
  '<script id="_R_">(globalThis.TURBOPACK=[]).push({})</script><script src="/a.js" async=""></script>'
const page = `${HEAD}${CHUNKS.map((text) => `<script>${text}</script>`).join('')}</body></html>`

/** What the payload scripts leave in `self.__next_f`, run in order as the browser would. */
function payloadOf(html: string): unknown {
  const self: { __next_f?: unknown[] } = {}
  for (const [, text] of html.matchAll(/<script>([^<]*)<\/script>/g)) {
    if (text?.includes('__next_f')) runInNewContext(text, { self })
  }
  return self.__next_f
}

describe('joinFlightScripts', () => {
  it("joins Next's payload scripts into one, which pushes the same chunks in the same order", () => {
    const joined = joinFlightScripts(page)
    expect(joined).toBe(`${HEAD}<script>${CHUNKS.join(';')}</script></body></html>`)
    expect(payloadOf(joined)).toEqual(payloadOf(page))
    expect(payloadOf(joined)).toHaveLength(CHUNKS.length)
  })

  it('leaves one hash for the payload in the policy where there was one per chunk', () => {
    expect(inlineScriptHashes(page)).toHaveLength(2 + CHUNKS.length)
    expect(inlineScriptHashes(joinFlightScripts(page))).toHaveLength(2 + 1)
  })

  it('leaves alone a lone payload script, scripts with a nonce, and scripts with markup between', () => {
    const lone = `<p>a</p><script>${CHUNKS[1]}</script><p>b</p>`
    expect(joinFlightScripts(lone)).toBe(lone)
    const nonce = CHUNKS.map((text) => `<script nonce="abc">${text}</script>`).join('')
    expect(joinFlightScripts(nonce)).toBe(nonce)
    const apart = `<script>${CHUNKS[1]}</script><div hidden></div><script>${CHUNKS[2]}</script>`
    expect(joinFlightScripts(apart)).toBe(apart)
    const other = `<script>${CHUNKS[1]}</script><script>window.x=1</script>`
    expect(joinFlightScripts(other)).toBe(other)
  })
})
