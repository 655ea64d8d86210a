/** What `next start` sets up once it starts (instrumentation.ts), besides the workarounds. */
import { subscribe } from 'node:diagnostics_channel'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { markDraining } from './health'

/** How long a stopping server may take to finish the requests it has. */
export const DRAIN_MS = 10_000
/** next.config.js names it as `cacheHandler` when REDIS_URL is set. */
const REDIS_HANDLER = 'lib/server/render-cache/redis-handler.mts'

/**
 * On SIGTERM, GET /api/health answers 503 while Next (its own SIGTERM handler) stops accepting
 * connections (server.close(), which also closes the idle ones) and finishes what is in flight;
 * after DRAIN_MS the process exits all the same. Node would keep a busy keep-alive connection
 * open after its response, and nginx would go on sending requests down it until that exit cut
 * one off: from SIGTERM on, every connection ends with the response it carries
 * (`Connection: close`), so the front opens its next one to another instance.
 */
export function drainOnSigterm(): void {
  const inFlight = new Set<Exchange>()
  let draining = false
  // Published before the server hands the request to Next: no header of it is sent yet.
  subscribe('http.server.request.start', (message) => {
    const exchange = message as Exchange
    if (draining) return closeAfter(exchange)
    inFlight.add(exchange)
    exchange.response.once('close', () => inFlight.delete(exchange))
  })
  process.once('SIGTERM', () => {
    draining = true
    markDraining()
    for (const exchange of inFlight) closeAfter(exchange)
    setTimeout(() => process.exit(143), DRAIN_MS).unref()
  })
}

interface Exchange {
  response: ServerResponse
  socket: Socket
}

/** Ends the connection once this response is sent, telling the client so when it still can. */
function closeAfter({ response, socket }: Exchange): void {
  if (!response.headersSent) response.setHeader('Connection', 'close')
  else response.once('finish', () => socket.end())
}

/**
 * Connects the shared render cache now rather than at the first request (Next imports the
 * handler then), so this server hears of revalidations from the start and its health is right.
 */
export async function connectSharedCache(): Promise<void> {
  const handler = pathToFileURL(
    path.resolve(/*turbopackIgnore: true*/ process.cwd(), REDIS_HANDLER),
  )
  // The URL Next imports it by (a file URL of the absolute path), so the same module instance.
  await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ handler.href)
}
