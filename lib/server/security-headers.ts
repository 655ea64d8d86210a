/**
 * The security headers every response carries, from `next start` (next.config.js `headers()`)
 * and from the nginx front (ops/nginx/marquee.conf, filled in by scripts/lib/front.ts). One list,
 * so the two never disagree.
 */

/** Where browsers send Content-Security-Policy violation reports (app/api/csp-report). */
export const CSP_REPORT_PATH = '/api/csp-report'

/**
 * The only hosts whose frames a page may show: the privacy-enhanced YouTube player and Vimeo's,
 * for `::video` (components/article/video-player.tsx), and only after the reader presses play.
 */
export const VIDEO_FRAME_HOSTS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']

/**
 * Browser features the site never uses, turned off for it and for anything it could embed.
 * Autoplay keeps its default (this origin, and a frame it delegates it to with `allow`): a video
 * the reader started plays at once in its player's frame.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/** Headers that are the same on every response. */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
]

/**
 * Sent by the nginx front on HTTPS only (ops/nginx/marquee.conf): `next start` cannot know
 * whether the reader's connection was encrypted, and browsers ignore it over plain HTTP.
 */
export const STRICT_TRANSPORT_SECURITY = {
  key: 'Strict-Transport-Security',
  value: 'max-age=31536000; includeSubDomains',
} as const

/**
 * The directives every policy shares. Pages add `script-src` with their inline scripts' hashes
 * (lib/server/content-security-policy.ts); anything that is not a page runs no script at all.
 */
const COMMON_DIRECTIVES = [
  // Images, fonts, fetches and the manifest come from the site itself: default-src covers them.
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  `frame-src ${VIDEO_FRAME_HOSTS.join(' ')}`,
  // React writes style attributes (next/image's placeholder colour, the viewer's transforms).
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'none'",
  `report-uri ${CSP_REPORT_PATH}`,
]

/** A page's policy: its scripts are the site's own files plus the given hashes or nonce. */
export function pagePolicy(scriptSources: readonly string[]): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' ${scriptSources.join(' ')}`.trimEnd()].join('; ')
}

/** The policy of a response that is not a page (JSON, feeds, images, files): no script runs. */
export const NO_SCRIPT_POLICY = [...COMMON_DIRECTIVES, "script-src 'none'"].join('; ')

/**
 * The policy for every response when the hashes cannot be worked out (lib/server/next-workarounds
 * off on another Next.js release): inline scripts allowed, so pages still hydrate.
 */
export const FALLBACK_PAGE_POLICY = pagePolicy(["'unsafe-inline'"])
