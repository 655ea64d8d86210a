import { describe, expect, it } from 'vitest'
import { stripMarkdown } from './plain-text'

describe('stripMarkdown', () => {
  it.each([
    ['## Harlem as a *co-star*', 'Harlem as a co-star'],
    ['See [the set photos](/gallery/x) now.', 'See the set photos now.'],
    ['![A crew on a street](/images/a.webp "Caption")\n\nText.', 'Text.'],
    ['::gallery{slug="luke-cage"}\n\nAfter.', 'After.'],
    ['**Bold**, _italic_ and `code`.', 'Bold, italic and code.'],
    ['- one\n- two\n1. three', 'one two three'],
    ['> Quoted line', 'Quoted line'],
    ['A <abbr title="x">MCU</abbr> fan &amp; more', 'A MCU fan more'],
    ['<!-- a note for editors -->Text', 'Text'],
    ["Luke's 2nd season_s", "Luke's 2nd season_s"],
  ])('%j → %j', (markdown, text) => {
    expect(stripMarkdown(markdown)).toBe(text)
  })
})
