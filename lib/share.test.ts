import { describe, expect, it } from 'vitest'
import { shareableUrl, shareTargets } from './share'

const URL_ = 'https://marquee.example/tv/luke-cage-season-2-set-photos'
const TITLE = 'Luke & Claire: "Back Together"'

describe('shareableUrl', () => {
  it('keeps a canonical address as it is', () => {
    expect(shareableUrl(URL_)).toBe(URL_)
  })

  it('drops campaign parameters and the fragment, keeps the rest', () => {
    expect(
      shareableUrl(`${URL_}?utm_source=x&page=2&UTM_Medium=social&fbclid=abc&gclid=d#top`),
    ).toBe(`${URL_}?page=2`)
  })

  it('keeps only the anchor it is given: an entry of the page, not where the sharer was', () => {
    expect(shareableUrl(`${URL_}?utm_source=x#top`, '7')).toBe(`${URL_}#7`)
    expect(shareTargets(URL_, TITLE, '7')[0]?.href).toContain(encodeURIComponent(`${URL_}#7`))
  })

  it('rejects an address that is not absolute', () => {
    expect(() => shareableUrl('/tv/x')).toThrow()
  })
})

describe('shareTargets', () => {
  const targets = shareTargets(`${URL_}?utm_source=newsletter`, TITLE)

  it('offers the main networks and email, each once', () => {
    expect(targets.map((target) => target.network)).toEqual([
      'x',
      'facebook',
      'bluesky',
      'linkedin',
      'reddit',
      'whatsapp',
      'email',
    ])
  })

  it('puts the clean canonical address, encoded, into every link', () => {
    for (const target of targets) {
      const decoded = decodeURIComponent(target.href.replace(/\+/g, ' '))
      expect(decoded, target.network).toContain(URL_)
      expect(decoded, target.network).not.toContain('utm_')
      expect(target.href, target.network).not.toMatch(/[\s"<>]/)
    }
  })

  it('sends each network the fields its share address reads', () => {
    const byNetwork = new Map(targets.map((target) => [target.network, new URL(target.href)]))
    expect(byNetwork.get('x')!.searchParams.get('url')).toBe(URL_)
    expect(byNetwork.get('x')!.searchParams.get('text')).toBe(TITLE)
    expect(byNetwork.get('facebook')!.searchParams.get('u')).toBe(URL_)
    expect(byNetwork.get('reddit')!.searchParams.get('title')).toBe(TITLE)
    expect(byNetwork.get('whatsapp')!.searchParams.get('text')).toBe(`${TITLE} ${URL_}`)
    const mail = targets.find((target) => target.network === 'email')!.href
    expect(mail).toMatch(/^mailto:\?subject=Luke%20%26%20Claire/)
    expect(decodeURIComponent(mail.split('body=')[1]!)).toBe(`${TITLE}\n\n${URL_}`)
  })
})
