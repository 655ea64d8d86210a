import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { copyBuild } from './server'

/** `npm run start:front` over HTTPS with a self-signed certificate, on loopback ports. */
export interface TlsFront {
  /** https://127.0.0.1:<port> */
  base: string
  /** The plain-HTTP port, which redirects to `base`. */
  httpPort: number
  /** The self-signed certificate (PEM) the front serves. */
  certificate: string
  output(): string
  stop(): Promise<void>
}

interface Ports {
  next: number
  http: number
  https: number
}

/**
 * Starts the nginx front with TLS (scripts/start-front.ts: `TLS_CERT`, `TLS_KEY`,
 * `FRONT_TLS_PORT`) before its own `next start` of a copy of the build, with a certificate for
 * 127.0.0.1 made for the run, and waits until it answers over HTTPS.
 */
export async function startTlsFront(ports: Ports): Promise<TlsFront> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marquee-tls-'))
  const certFile = path.join(dir, 'cert.pem')
  const keyFile = path.join(dir, 'key.pem')
  // A day is enough for a test run; the IP address is what the front is reached by.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  )
  const certificate = await readFile(certFile, 'utf8')
  const distDir = await copyBuild('tls-front')
  const front = spawn('npm', ['run', 'start:front'], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(ports.next),
      FRONT_PORT: String(ports.http),
      FRONT_TLS_PORT: String(ports.https),
      TLS_CERT: certFile,
      TLS_KEY: keyFile,
      // The certificate's name, whatever SITE_URL the environment has.
      FRONT_SERVER_NAME: '127.0.0.1',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  front.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  front.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const exited = new Promise((resolve) => front.once('exit', resolve))
  const stop = async () => {
    if (front.pid && front.exitCode === null) {
      process.kill(-front.pid, 'SIGTERM')
      await exited
    }
    await rm(distDir, { recursive: true, force: true })
    await rm(dir, { recursive: true, force: true })
  }
  const base = `https://127.0.0.1:${ports.https}`
  try {
    // The plain-HTTP side answers once nginx is up; it redirects there when TLS is on.
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${ports.http}/robots.txt`, { redirect: 'manual' }).then(
            (response) => response.headers.get('location')?.startsWith(`${base}/`) ?? false,
            () => false,
          ),
        { timeout: 90_000, message: `start:front did not redirect to ${base}` },
      )
      .toBe(true)
  } catch (error) {
    await stop()
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\nstart:front printed:\n${output.join('')}`)
  }
  return { base, httpPort: ports.http, certificate, output: () => output.join(''), stop }
}
