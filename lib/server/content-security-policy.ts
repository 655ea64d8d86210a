import { createHash } from 'node:crypto'
import { pagePolicy } from './security-headers'

/**
 * An inline `<script>` element: no `src`, any attributes. A script's text cannot hold `</script`
 * (the HTML parser ends it there), so the lazy match ends where the browser's does.
 */
const INLINE_SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi
const SRC = /\ssrc\s*=/i
const TYPE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
/** Types the browser runs as script (a data block such as JSON-LD is never run, nor checked). */
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript'])

/** The CSP source that allows exactly this inline script's text. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** The hash sources of every inline script the browser would run in `html`, in order, once each. */
export function inlineScriptHashes(html: string): string[] {
  const sources = new Set<string>()
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (SRC.test(attributes)) continue
    const type = TYPE.exec(attributes)
    const value = type ? (type[1] ?? type[2] ?? type[3] ?? '').trim().toLowerCase() : ''
    if (!SCRIPT_TYPES.has(value)) continue
    sources.add(scriptHashSource(text))
  }
  return [...sources]
}

/**
 * The policy of one page: the site's own script files and, by their hashes, exactly the inline
 * scripts this page holds (Next's RSC payload and the theme script). Worked out once per cached
 * page (lib/server/next-workarounds/response-buffers.ts), so pages stay static: a nonce would make every page
 * render per request.
 */
export function policyForPage(html: string): string {
  return pagePolicy(inlineScriptHashes(html))
}
