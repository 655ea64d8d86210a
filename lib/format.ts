/** "November 20, 2026 at 10:15 AM EST": the time a story carries, in the publication's zone. */
export function formatDateTime(iso: string, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  })
    .format(new Date(iso))
    .concat(' ', zoneName(iso, timeZone, locale))
}

/** "Nov 20, 2026": the date on cards and lists. */
export function formatDate(iso: string, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(new Date(iso))
}

function zoneName(iso: string, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(
    new Date(iso),
  )
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}

/** "Dana Okafor", "Dana Okafor and Leo Hartmann", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * "2026-11-23T18:05:00-05:00": an ISO 8601 date-time with the offset of the publication's time
 * zone at that moment, to the minute, as content files write publishedAt.
 */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  const offset = String(parts.timeZoneName).replace(/^GMT/, '') || '+00:00'
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00${offset}`
}

/** "8:14 PM EDT": a live entry's time, in the publication's zone. */
export function formatTime(iso: string, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' })
    .format(new Date(iso))
    .concat(' ', zoneName(iso, timeZone, locale))
}
