import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Compares a secret from a request with the configured one in constant time: both are hashed
 * first, so neither the length nor the first wrong character shows in the response time. With
 * no secret configured nothing matches.
 */
export function secretMatches(given: string | null | undefined, expected: string | undefined) {
  if (!expected || !given) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | null): string | undefined {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
}
