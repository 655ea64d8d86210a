/**
 * The pages a reader gets when the server cannot show a page of the site at all. Each is a whole
 * document that depends on nothing that may be what failed: it reads nothing from the library
 * (no site name, no sections), loads no stylesheet or script of the build, and works without
 * JavaScript. They are kept as strings, not components, because Next refuses `react-dom/server`
 * in server code, and rendering once at start is all a fixed page needs.
 *
 * - SERVER_ERROR_PAGE (500): a page that cannot be rendered, including an error in the root
 *   layout, such as a content library that failed to load. "Try again" is a link to the address
 *   itself, a plain reload; the way home is a full page load. Used twice: app/global-error.tsx
 *   draws it when an error reaches the root in the browser, and `next start` sends it as the
 *   first response of a 500 where Next would send an empty shell (lib/server/next-workarounds/error-documents.ts).
 * - BAD_ADDRESS_PAGE (400): an address whose path is not valid percent-encoding (`/tv/%ff`),
 *   which no route can even read, where Next 16 sends a bare "Internal Server Error".
 * - BAD_REQUEST_PAGE (400, 414): sent by the nginx front for a request it cannot read (a
 *   malformed request line, headers over its buffers, an address over 8 KB).
 * - UNAVAILABLE_PAGE (503): sent by the nginx front when `next start` cannot be reached and nginx
 *   has no copy of the page (ops/nginx/marquee.conf), instead of nginx's bare "502 Bad Gateway".
 *   scripts/lib/front.ts writes it into nginx's folder.
 * - TOO_MANY_REQUESTS_PAGE (429): sent by the nginx front to a client over a rate limit (search,
 *   mostly), written there the same way.
 *
 * `lang` is the language of these pages' own words, not the library's (which they cannot read).
 */
export interface ErrorPage {
  lang: string
  title: string
  css: string
  body: string
}

/** The site's light and dark colours (app/globals.css), here because no stylesheet loads. */
const CSS = [
  ':root{color-scheme:light;--page:#fff;--ink:#15141a;--muted:#55525e;--line:#dcd8d2;--accent:#b3121f;--accent-ink:#fff}',
  '@media (prefers-color-scheme:dark){:root{color-scheme:dark;--page:#121116;--ink:#f1eff4;--muted:#b4b0bd;--line:#34323b;--accent:#ff6b6b;--accent-ink:#121116}}',
  "body{margin:0;background:var(--page);color:var(--ink);font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue','Noto Sans','Liberation Sans',Arial,sans-serif}",
  'main{max-width:42rem;margin:0 auto;padding:4rem 1rem;text-align:center}',
  '.status{margin:0;font-weight:700;color:var(--accent)}',
  "h1{margin:.5rem 0 0;font:900 2.25rem/1.2 'Iowan Old Style','Palatino Linotype',Palatino,'Book Antiqua',Georgia,serif;text-wrap:balance}",
  '.why{margin:1rem 0 0;color:var(--muted)}',
  'ul{display:flex;flex-wrap:wrap;justify-content:center;gap:.75rem;margin:2rem 0 0;padding:0;list-style:none}',
  'a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 1.25rem;border:1px solid var(--line);border-radius:9999px;color:var(--ink);font-weight:600;text-decoration:none}',
  'a:hover{border-color:var(--accent)}',
  'a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}',
  'a.primary{border-color:var(--accent);background:var(--accent);color:var(--accent-ink)}',
].join('\n')

export const SERVER_ERROR_PAGE: ErrorPage = {
  lang: 'en',
  title: 'Something went wrong',
  css: CSS,
  body: [
    '<main>',
    '<p class="status">500</p>',
    '<h1>Something went wrong on our side</h1>',
    '<p class="why">This page could not be shown just now. Nothing you did caused it, and it is usually over in a moment.</p>',
    '<ul><li><a href="" class="primary">Try again</a></li><li><a href="/">Go to the home page</a></li></ul>',
    '</main>',
  ].join(''),
}

export const BAD_ADDRESS_PAGE: ErrorPage = {
  lang: 'en',
  title: 'Address not valid',
  css: CSS,
  body: [
    '<main>',
    '<p class="status">400</p>',
    '<h1>That address is not valid</h1>',
    '<p class="why">It holds characters that a web address cannot carry, so it leads to no page. The link may have been cut short or changed on its way here.</p>',
    '<ul><li><a href="/" class="primary">Go to the home page</a></li></ul>',
    '</main>',
  ].join(''),
}

export const BAD_REQUEST_PAGE: ErrorPage = {
  lang: 'en',
  title: 'Request not valid',
  css: CSS,
  body: [
    '<main>',
    '<h1>This request could not be read</h1>',
    '<p class="why">Its address is too long, or it carries something the site cannot read. The link may have been cut short or changed on its way here.</p>',
    '<ul><li><a href="/" class="primary">Go to the home page</a></li></ul>',
    '</main>',
  ].join(''),
}

export const UNAVAILABLE_PAGE: ErrorPage = {
  lang: 'en',
  title: 'Back in a moment',
  css: CSS,
  body: [
    '<main>',
    '<p class="status">503</p>',
    '<h1>We will be back in a moment</h1>',
    '<p class="why">The site cannot be reached just now, usually for a few seconds while it restarts. Nothing you did caused it.</p>',
    '<ul><li><a href="" class="primary">Try again</a></li><li><a href="/">Go to the home page</a></li></ul>',
    '</main>',
  ].join(''),
}

export const TOO_MANY_REQUESTS_PAGE: ErrorPage = {
  lang: 'en',
  title: 'Too many requests',
  css: CSS,
  body: [
    '<main>',
    '<p class="status">429</p>',
    '<h1>Too many requests at once</h1>',
    '<p class="why">More requests came from your address than the site answers in a moment, so this one was turned away. Wait a second and try again.</p>',
    '<ul><li><a href="" class="primary">Try again</a></li><li><a href="/">Go to the home page</a></li></ul>',
    '</main>',
  ].join(''),
}

/** The head's fixed tags, apart from the title and style. */
const META = [
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  '<meta name="robots" content="noindex">',
].join('')

/** An error page as one static document: no script, nothing to hydrate. */
export function errorPageDocument({ lang, title, css, body }: ErrorPage): string {
  return `<!DOCTYPE html><html lang="${lang}"><head>${META}<title>${title}</title><style>${css}</style></head><body>${body}</body></html>`
}
