import { spawn } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { buildDir } from '../../lib/env'

/** A second `next start` of the build under test, on a copy of the content library. */
export interface SecondServer {
  base: string
  /** The server's own content library: tests may write into it while it runs. */
  contentDir: string
  /** Everything the server has printed so far. */
  output(): string
  /** Stops the server (its whole process group) and removes its copies. */
  stop(): Promise<void>
}

interface Options {
  /** Names the copies on disk, e.g. `live` → `.next-live-<pid>`. */
  name: string
  port: number
  /** Changes the library copy before the server starts. */
  prepare?: (contentDir: string) => Promise<void>
  env?: Record<string, string>
}

/**
 * Starts a second production server of the same build on its own copy of `content/` and of the
 * build (so its cache writes never reach the main test server's, nor the main server's its own),
 * bound to 127.0.0.1, and waits until it answers.
 */
export async function startSecondServer({
  name,
  port,
  prepare,
  env = {},
}: Options): Promise<SecondServer> {
  const contentDir = await mkdtemp(path.join(os.tmpdir(), `marquee-${name}-`))
  await cp('content', contentDir, { recursive: true })
  await prepare?.(contentDir)
  const distDir = await copyBuild(name)
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      ...env,
      NEXT_DIST_DIR: distDir,
      CONTENT_DIR: contentDir,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const base = `http://127.0.0.1:${port}`
  await expect
    .poll(
      () =>
        fetch(`${base}/robots.txt`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200)
  return {
    base,
    contentDir,
    output: () => output.join(''),
    async stop() {
      if (server.pid) process.kill(-server.pid, 'SIGTERM')
      await rm(distDir, { recursive: true, force: true })
      await rm(contentDir, { recursive: true, force: true })
    },
  }
}

/**
 * A copy of the build under test (`NEXT_DIST_DIR`, else `.next`), as `.next-<name>-<pid>`, for a
 * server of its own: the build as `next build` left it, not the main server's caches, nor the
 * pages it rendered on request since (which the other server would otherwise serve as its own).
 */
export async function copyBuild(name: string): Promise<string> {
  const distDir = `.next-${name}-${process.pid}`
  const build = path.relative(process.cwd(), buildDir())
  const caches = [path.join(build, 'cache'), path.join(build, 'server', 'route-cache')]
  await cp(build, distDir, {
    recursive: true,
    filter: (source) => !caches.some((cache) => source.startsWith(cache)),
  })
  return distDir
}
