import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { errorPageDocument, SERVER_ERROR_PAGE } from '@/lib/server/error-page'
import GlobalError from './global-error'

describe('GlobalError', () => {
  it('draws the same page a server-side 500 sends', () => {
    const html = renderToStaticMarkup(<GlobalError />)
    const { lang, title, css, body } = SERVER_ERROR_PAGE
    expect(html.startsWith(`<html lang="${lang}"><head>`)).toBe(true)
    expect(html).toContain(`<title>${title}</title>`)
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain(`<style>${css}</style>`)
    expect(html.endsWith(`<body>${body}</body></html>`)).toBe(true)
    // The words a reader reads are the static document's.
    const text = (page: string) => page.replace(/<style>[^]*?<\/style>|<[^>]+>/g, ' ').split(/\s+/)
    expect(text(html).join(' ').trim()).toBe(
      text(errorPageDocument(SERVER_ERROR_PAGE)).join(' ').trim(),
    )
  })
})
