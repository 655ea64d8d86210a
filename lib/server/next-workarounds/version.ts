import { createRequire } from 'node:module'

/**
 * The Next.js release every workaround in this folder was written for and measured on. They reach
 * into Next's private modules and response path, so on any other release they stay off and Next's
 * own behaviour serves; re-measure each one (README, "Framework workarounds") before moving this.
 */
export const WRITTEN_FOR_NEXT = '16.4.6'

/** The version of the `next` package this process loads. */
export function installedNextVersion(): string {
  const load = createRequire(import.meta.url)
  return (load('next/package.json') as { version: string }).version
}

/** Whether the workarounds may run on `installed`. */
export function workaroundsApply(installed: string = installedNextVersion()): boolean {
  return installed === WRITTEN_FOR_NEXT
}
