import { describe, expect, it } from 'vitest'
import { absoluteUrl, serializeJsonLd } from './json-ld'

describe('serializeJsonLd', () => {
  it('escapes < so a headline with </script> cannot end the script element', () => {
    const text = serializeJsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '</script><script>alert(1)</script>',
    })
    expect(text).not.toContain('<')
    expect(JSON.parse(text)).toMatchObject({ headline: '</script><script>alert(1)</script>' })
  })

  it('escapes the line separators that end a JavaScript string', () => {
    const text = serializeJsonLd({
      '@context': 'https://schema.org',
      '@type': 'Thing',
      name: 'a\u2028b',
    })
    expect(text).toContain('\\u2028')
    expect(JSON.parse(text)).toMatchObject({ name: 'a\u2028b' })
  })
})

describe('absoluteUrl', () => {
  it('joins a path to the site URL', () => {
    expect(absoluteUrl('https://marquee.example', '/tv/x')).toBe('https://marquee.example/tv/x')
  })
})
