import { createServer } from 'node:net'

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/** The first port in [from, to] nobody listens on at host, skipping those in `taken`. */
export async function freePort(
  from: number,
  to: number,
  taken: ReadonlySet<number> = new Set(),
  host = '127.0.0.1',
): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (!taken.has(port) && (await canListen(host, port))) return port
  }
  throw new Error(`no free port on ${host} between ${from} and ${to}`)
}
