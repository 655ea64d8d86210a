/**
 * `npm run bench -- --against <checkout>`: this build's throughput against another build's, both
 * served the way a publisher runs them (each checkout's own `npm run start:front`, so each front
 * has that checkout's nginx config), in alternating wrk rounds by ab.sh. How #8 measured what the
 * security headers cost: the other checkout is this one with them taken out.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { start } from '../lib/processes'
import type { Options } from './options'

const ROOT = path.resolve(import.meta.dirname, '../..')

export async function benchAgainst(options: Options & { against: string }): Promise<void> {
  const other = path.resolve(options.against)
  for (const checkout of [other, ROOT]) {
    if (!existsSync(path.join(checkout, '.next', 'BUILD_ID'))) {
      throw new Error(`${checkout} has no build in .next: run npm ci and npm run build there first`)
    }
  }
  const pages = [options.home, options.article, options.gallery, options.hub].join(' ')
  const ab = start(
    'ab.sh',
    'bash',
    [
      path.join(import.meta.dirname, 'ab.sh'),
      other,
      ROOT,
      String(options.runs),
      String(options.duration),
    ],
    {
      env: { ...process.env, PAGES: pages, ...(options.gzip ? { ENC: 'gzip' } : {}) },
      logFile: 'inherit',
    },
  )
  const code = await ab.exited
  if (code !== 0) throw new Error(`ab.sh ended with ${code}`)
}
