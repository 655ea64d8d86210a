/**
 * HTTP requests whose answers are read as they came off the wire, for the front's tests: every
 * header line as sent (Node's `headers` object merges repeated ones), from a chosen local
 * address (limits are per client address, and 127.0.0.0/8 is all loopback), over HTTP/1.1 or,
 * with TLS, HTTP/2.
 */
import { request, type Agent, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:http2'
import { connect as connectSocket } from 'node:net'
import { request as httpsRequest } from 'node:https'

export interface WireAnswer {
  status: number
  headers: IncomingHttpHeaders
  /** Name, value, name, value…: a header sent twice is here twice. */
  rawHeaders: string[]
  body: Buffer
}

export interface SendOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** The client's address, e.g. 127.0.0.2. */
  localAddress?: string
  agent?: Agent
  /** For https: URLs, the certificate authority to trust (a test's self-signed certificate). */
  ca?: string | Buffer
}

/** One request over HTTP/1.1 (https: URLs over TLS), its answer read in full. */
export function send(url: string, options: SendOptions = {}): Promise<WireAnswer> {
  const { method = 'GET', headers = {}, body, localAddress, agent, ca } = options
  const make = url.startsWith('https:') ? httpsRequest : request
  return new Promise((resolve, reject) => {
    const req = make(url, { method, headers, localAddress, agent, ca }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** One GET over HTTP/2 (TLS, ALPN h2); `protocol` is what the server agreed to. */
export function http2Get(
  origin: string,
  pathname: string,
  { headers = {}, ca }: { headers?: Record<string, string>; ca?: string | Buffer } = {},
): Promise<WireAnswer & { protocol: string | undefined }> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, { ca })
    session.on('error', reject)
    const stream = session.request({ ':path': pathname, ...headers })
    const chunks: Buffer[] = []
    let head: { status: number; headers: IncomingHttpHeaders; rawHeaders: string[] } | undefined
    stream.on('response', (responseHeaders, _flags, rawHeaders) => {
      head = {
        status: Number(responseHeaders[':status']),
        headers: responseHeaders,
        // Without the pseudo-headers (`:status`), as HTTP/1.1 has none.
        rawHeaders: rawHeaders.flatMap((value, index) =>
          index % 2 === 0 && !value.startsWith(':') ? [value, rawHeaders[index + 1]!] : [],
        ),
      }
    })
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', reject)
    stream.on('end', () => {
      const protocol = session.alpnProtocol
      session.close()
      if (!head) return reject(new Error(`${origin}${pathname}: no response headers`))
      resolve({ ...head, body: Buffer.concat(chunks), protocol })
    })
    stream.end()
  })
}

/** Every value the header was sent with, in order: `[]` when absent, two when sent twice. */
export function headerValues(answer: Pick<WireAnswer, 'rawHeaders'>, name: string): string[] {
  const values: string[] = []
  for (let index = 0; index < answer.rawHeaders.length; index += 2) {
    if (answer.rawHeaders[index]!.toLowerCase() === name.toLowerCase()) {
      values.push(answer.rawHeaders[index + 1]!)
    }
  }
  return values
}

/**
 * A request written byte for byte, as no HTTP client would send it (a malformed request line),
 * its answer read until the server closes the connection.
 */
export function sendRaw(base: string, text: string): Promise<WireAnswer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = connectSocket({ host: hostname, port: Number(port) })
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks)
      const split = raw.indexOf('\r\n\r\n')
      if (split < 0) return reject(new Error(`${base}: no complete answer (${raw.length} bytes)`))
      const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n')
      const rawHeaders = lines.flatMap((line) => {
        const colon = line.indexOf(':')
        return [line.slice(0, colon), line.slice(colon + 1).trim()]
      })
      const headers: IncomingHttpHeaders = {}
      for (let i = 0; i < rawHeaders.length; i += 2) {
        headers[rawHeaders[i]!.toLowerCase()] = rawHeaders[i + 1]
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        rawHeaders,
        body: raw.subarray(split + 4),
      })
    })
    // Written, not ended: nginx answers a request it cannot parse and then closes.
    socket.write(text)
  })
}
