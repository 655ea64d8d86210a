// Workaround: Next inlines its RSC payload as one <script> per chunk React flushed, so a page's hash policy grows by one hash per chunk; Next has no hashes of its own for them (vercel/next.js#95354). Written for Next.js 16.4.6.

/**
 * Two or more of Next's payload scripts back to back, as Next ends a page: first
 * `(self.__next_f=self.__next_f||[]).push([0])`, then a `self.__next_f.push(…)` for each chunk.
 * Next escapes `<` inside the payload, so no such script's text holds one.
 */
const FLIGHT_RUN =
  /(?:<script>(?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([^<]*\)<\/script>){2,}/g
const SCRIPT_TEXT = /<script>([^<]*)<\/script>/g

/**
 * The page with each run of Next's payload scripts joined into one script: the same statements in
 * the same order, so one hash in its policy where there was one per chunk (26 on a hub page).
 */
export function joinFlightScripts(html: string): string {
  return html.replace(FLIGHT_RUN, (run) => {
    const statements = [...run.matchAll(SCRIPT_TEXT)].map(([, text]) => text)
    return `<script>${statements.join(';')}</script>`
  })
}
