import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, isoInZone, joinNames } from './format'

const ZONE = 'America/New_York'

/** ICU may put a narrow no-break space before AM/PM. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')

describe('formatDateTime', () => {
  it('shows winter times in the site zone with EST', () => {
    expect(plain(formatDateTime('2026-11-20T10:15:00-05:00', ZONE))).toMatch(
      /^November 20, 2026(,| at) 10:15 AM EST$/,
    )
  })

  it('shows summer times in the site zone with EDT', () => {
    expect(plain(formatDateTime('2026-07-04T12:00:00Z', ZONE))).toMatch(
      /^July 4, 2026(,| at) 8:00 AM EDT$/,
    )
  })

  it('converts a time written with another offset into the site zone', () => {
    expect(plain(formatDateTime('2026-11-20T16:15:00+01:00', ZONE))).toMatch(
      /^November 20, 2026(,| at) 10:15 AM EST$/,
    )
  })

  it('switches from EDT to EST across the end of daylight saving time', () => {
    expect(formatDateTime('2026-11-01T05:30:00Z', ZONE)).toMatch(/EDT$/)
    expect(formatDateTime('2026-11-01T06:30:00Z', ZONE)).toMatch(/EST$/)
  })

  it('uses the zone abbreviation of another site zone', () => {
    expect(plain(formatDateTime('2026-11-20T10:15:00-05:00', 'America/Los_Angeles'))).toMatch(
      /^November 20, 2026(,| at) 7:15 AM PST$/,
    )
  })
})

describe('formatDate', () => {
  it('gives the date in the site zone, not in UTC', () => {
    // 03:00 UTC on the 21st is still the evening of the 20th in New York.
    expect(formatDate('2026-11-21T03:00:00Z', ZONE)).toBe('Nov 20, 2026')
    expect(formatDate('2026-11-21T03:00:00Z', 'Europe/London')).toBe('Nov 21, 2026')
  })
})

describe('joinNames', () => {
  it.each([
    [[], ''],
    [['Dana Okafor'], 'Dana Okafor'],
    [['Dana Okafor', 'Leo Hartmann'], 'Dana Okafor and Leo Hartmann'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('joins %j as %j', (names, joined) => {
    expect(joinNames(names)).toBe(joined)
  })
})

describe('isoInZone', () => {
  it.each([
    ['2026-11-23T23:05:42Z', 'America/New_York', '2026-11-23T18:05:00-05:00'],
    ['2026-07-01T03:30:00Z', 'America/New_York', '2026-06-30T23:30:00-04:00'],
    ['2026-07-01T03:30:00Z', 'Asia/Kolkata', '2026-07-01T09:00:00+05:30'],
    ['2026-07-01T03:30:00Z', 'UTC', '2026-07-01T03:30:00+00:00'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(isoInZone(new Date(iso), zone)).toBe(expected)
    expect(Date.parse(expected)).toBe(Math.floor(Date.parse(iso) / 60_000) * 60_000)
  })
})
