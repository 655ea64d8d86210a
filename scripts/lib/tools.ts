/** Finding the system tools the scripts drive (nginx, wrk, Chromium) and next's own CLI. */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The executable's path on PATH (or in /usr/sbin, which non-root PATHs often lack), or null. */
export function which(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin']
  for (const dir of dirs) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not here.
    }
  }
  return null
}

/** The absolute path of a package's bin script, resolved from a project folder. */
export function packageBin(projectDir: string, pkg: string, bin: string): string {
  const require = createRequire(path.join(projectDir, 'package.json'))
  const manifestPath = require.resolve(`${pkg}/package.json`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>
  }
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin]
  if (!relative) throw new Error(`${pkg} has no bin named ${bin}`)
  return path.resolve(path.dirname(manifestPath), relative)
}

/** The first line a tool prints about its version (some print it on stderr). */
export function toolVersion(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n')[0] ?? '?'
}
