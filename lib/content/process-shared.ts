/**
 * One value per server process. A production build can give route handlers (feeds, sitemaps,
 * social cards) and pages their own copies of a module: each copy of the library cache then
 * loaded the whole library again (at 100,000 stories over a minute and 2 GB each, and a social
 * card timed out at build). In production every copy uses the first one's value; elsewhere (dev
 * with fast refresh, tests) each module keeps its own.
 */
export function sharedInProcess<T>(name: string, value: T): T {
  if (process.env.NODE_ENV !== 'production') return value
  const store = globalThis as unknown as Record<symbol, unknown>
  const key = Symbol.for(`marquee:${name}`)
  if (!(key in store)) store[key] = value
  return store[key] as T
}
