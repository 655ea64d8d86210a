'use client'

import { SERVER_ERROR_PAGE } from '@/lib/server/error-page'

/**
 * An error that reaches the root in the browser (a component that throws while it renders, or
 * Next's error shell drawn on the client, as under `next dev` or in a preview) replaces the whole
 * document with the server error page: the page a 500 sends as its first response under
 * `next start` (lib/server/error-page.ts), in place of Next's bare "Application error" screen.
 */
export default function GlobalError() {
  const { lang, title, css, body } = SERVER_ERROR_PAGE
  return (
    <html lang={lang}>
      <head>
        <title>{title}</title>
        <meta name="robots" content="noindex" />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body dangerouslySetInnerHTML={{ __html: body }} />
    </html>
  )
}
