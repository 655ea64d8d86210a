import { createServer, get, ServerResponse, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendSingleHeadersOnce } from './single-headers'

/** A response class of the test's own, so that the real ServerResponse stays as it is. */
class Response extends ServerResponse {}
sendSingleHeadersOnce(Response.prototype)

/** What each path does to its response, as Next's redirect path does. */
const handlers: Record<string, (response: ServerResponse) => void> = {
  // Set once, then appended again with the same values, then ended with a string.
  '/rendered-redirect': (response) => {
    response.statusCode = 308
    response.setHeader('location', '/tv/luke-cage-season-2-set-photos')
    response.setHeader('x-nextjs-stale-time', '300')
    response.appendHeader('location', '/tv/luke-cage-season-2-set-photos')
    response.appendHeader('x-nextjs-stale-time', '300')
    response.end('<!DOCTYPE html><p>Moved</p>')
  },
  // The same, with the headers sent by a first write rather than by end.
  '/streamed': (response) => {
    response.statusCode = 307
    response.setHeader('location', '/streaming')
    response.appendHeader('location', '/streaming')
    response.write('<!DOCTYPE html>')
    response.end('<p>Moved</p>')
  },
  // And with an explicit writeHead.
  '/explicit': (response) => {
    response.setHeader('location', '/a')
    response.appendHeader('location', '/a')
    response.writeHead(308)
    response.end()
  },
  // Two different targets are a conflict to show, not copies to merge.
  '/conflict': (response) => {
    response.statusCode = 308
    response.setHeader('location', ['/a', '/b'])
    response.end()
  },
  // Headers that may repeat are left alone.
  '/cookies': (response) => {
    response.setHeader('set-cookie', ['a=1', 'a=1'])
    response.appendHeader('vary', 'rsc')
    response.appendHeader('vary', 'rsc')
    response.end('ok')
  },
}

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer({ ServerResponse: Response }, (request, response) => {
    handlers[request.url ?? '']!(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Every value each header came with, in order, as read off the wire. */
function rawHeaders(pathname: string): Promise<Record<string, string[]>> {
  return new Promise((resolve, reject) => {
    get(`${base}${pathname}`, (response) => {
      const headers: Record<string, string[]> = {}
      for (let i = 0; i < response.rawHeaders.length; i += 2) {
        const name = response.rawHeaders[i]!.toLowerCase()
        headers[name] = [...(headers[name] ?? []), response.rawHeaders[i + 1]!]
      }
      response.resume()
      response.on('end', () => resolve(headers))
    }).on('error', reject)
  })
}

describe('sendSingleHeadersOnce', () => {
  it('sends a redirect rendered at run time with one Location and one stale time', async () => {
    const headers = await rawHeaders('/rendered-redirect')
    expect(headers.location).toEqual(['/tv/luke-cage-season-2-set-photos'])
    expect(headers['x-nextjs-stale-time']).toEqual(['300'])
  })

  it('does so whether the headers go out with a first write or an explicit writeHead', async () => {
    expect((await rawHeaders('/streamed')).location).toEqual(['/streaming'])
    expect((await rawHeaders('/explicit')).location).toEqual(['/a'])
  })

  it('leaves different values, and headers that may repeat, as they are', async () => {
    expect((await rawHeaders('/conflict')).location).toEqual(['/a', '/b'])
    const cookies = await rawHeaders('/cookies')
    expect(cookies['set-cookie']).toEqual(['a=1', 'a=1'])
    expect(cookies.vary).toEqual(['rsc', 'rsc'])
  })

  it('patches a prototype once', () => {
    const writeHead = Response.prototype.writeHead
    sendSingleHeadersOnce(Response.prototype)
    expect(Response.prototype.writeHead).toBe(writeHead)
  })
})
