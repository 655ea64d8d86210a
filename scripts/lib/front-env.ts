/**
 * The environment of `npm run start:front` (scripts/start-front.ts), read once with zod: a bad
 * value stops it before anything starts, naming the variable.
 */
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { EVERY_ADDRESS, HOST_NAME } from './front'

/** Unset and empty are the same: `TLS_CERT= npm run start:front` serves plain HTTP. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const port = (fallback: number) =>
  optional(z.coerce.number().int().min(1).max(65535)).transform((value) => value ?? fallback)

const host = (fallback: string) =>
  optional(z.string().regex(HOST_NAME, 'expected a host name or an IP address')).transform(
    (value) => value ?? fallback,
  )

/** nginx reads the certificate and key as the user who starts it: this one. */
const readableFile = z
  .string()
  .transform((file) => path.resolve(file))
  .refine((file) => {
    try {
      accessSync(file, constants.R_OK)
      return statSync(file).isFile()
    } catch {
      return false
    }
  }, 'expected a readable file')

const frontEnvSchema = z
  .object({
    /** Where `next start` listens (loopback: only nginx talks to it). */
    HOST: host('127.0.0.1'),
    PORT: port(3000),
    /** Where nginx listens: the site, or with TLS_CERT the redirect to HTTPS. */
    FRONT_HOST: host('127.0.0.1'),
    FRONT_PORT: port(8080),
    /** HTTPS, when TLS_CERT and TLS_KEY are set. */
    FRONT_TLS_PORT: port(8443),
    /** The certificate (followed by its chain) and its private key, PEM files. */
    TLS_CERT: optional(readableFile),
    TLS_KEY: optional(readableFile),
    /** The site's host name: the host of the HTTPS redirect and the Host Next.js is sent. */
    FRONT_SERVER_NAME: optional(z.string().regex(HOST_NAME, 'expected a host name')),
    /** The site's canonical URL (lib/env.ts): its host is the default FRONT_SERVER_NAME. */
    SITE_URL: optional(z.url({ protocol: /^https?$/ })),
    /** How many `next start` of the build, on PORT, PORT + 1, …; nginx balances them. */
    INSTANCES: optional(z.coerce.number().int().min(1).max(32)).transform((value) => value ?? 1),
    /** The Redis they share their renders through (lib/server/render-cache/). */
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'expected redis://host:port' })),
    /** With INSTANCES > 1 and no REDIS_URL: the port of the Redis started here (ops/redis). */
    REDIS_PORT: port(6379),
  })
  .superRefine((env, context) => {
    if (!env.TLS_CERT !== !env.TLS_KEY) {
      const missing = env.TLS_CERT ? 'TLS_KEY' : 'TLS_CERT'
      context.addIssue({ code: 'custom', path: [missing], message: 'set both or neither' })
    }
    if (env.PORT + env.INSTANCES - 1 > 65535) {
      context.addIssue({
        code: 'custom',
        path: ['INSTANCES'],
        message: `PORT ${env.PORT} leaves room for ${65536 - env.PORT}`,
      })
    }
    if (env.TLS_CERT && env.FRONT_TLS_PORT === env.FRONT_PORT) {
      context.addIssue({
        code: 'custom',
        path: ['FRONT_TLS_PORT'],
        message: 'must differ from FRONT_PORT, which redirects to it',
      })
    }
  })
  .transform((env) => {
    const serverName =
      env.FRONT_SERVER_NAME ?? (env.SITE_URL ? new URL(env.SITE_URL).hostname : env.FRONT_HOST)
    return {
      next: { host: env.HOST, port: env.PORT },
      instances: env.INSTANCES,
      /** Redis: the one named, or with several instances one started on REDIS_PORT. */
      redis: env.REDIS_URL
        ? { url: env.REDIS_URL }
        : env.INSTANCES > 1
          ? { url: `redis://127.0.0.1:${env.REDIS_PORT}`, start: env.REDIS_PORT }
          : undefined,
      front: { host: env.FRONT_HOST, port: env.FRONT_PORT },
      tls:
        env.TLS_CERT && env.TLS_KEY
          ? { port: env.FRONT_TLS_PORT, certificate: env.TLS_CERT, key: env.TLS_KEY }
          : undefined,
      serverName,
    }
  })
  .refine((env) => !EVERY_ADDRESS.test(env.serverName), {
    path: ['FRONT_SERVER_NAME'],
    message: 'required when FRONT_HOST listens on every address (or set SITE_URL)',
  })

export type FrontEnv = z.infer<typeof frontEnvSchema>

export function readFrontEnv(source: Record<string, string | undefined> = process.env): FrontEnv {
  const result = frontEnvSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`)
  }
  return result.data
}
