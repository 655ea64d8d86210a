import { isServer, QueryClient } from '@tanstack/react-query'

function makeQueryClient() {
  return new QueryClient({
    // Stories change at most once a minute (the pages' revalidation), so don't refetch sooner.
    defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } },
  })
}

let browserClient: QueryClient | undefined

/** A new client per request on the server; one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient()
  browserClient ??= makeQueryClient()
  return browserClient
}
