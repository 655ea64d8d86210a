/**
 * Keeps a long-running child up: when it exits on its own, it is started again after a pause that
 * doubles while it keeps exiting soon after a start, and falls back to the first pause once it has
 * stayed up for a while. `start:front` keeps `next start` up this way, so that nginx goes on
 * serving its cached pages (and the 503 page for the rest) through a crash, instead of both
 * stopping.
 */
import { isStopping, sleep, stop, type Managed } from './processes'

export interface RestartPolicy {
  /** The pause before a restart after a run that lasted stableMs or more, and the first one. */
  firstDelayMs: number
  maxDelayMs: number
  stableMs: number
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  stableMs: 60_000,
}

/** The pause before the next start, given the last pause (none yet) and how long the run lasted. */
export function restartDelay(
  previousMs: number | undefined,
  upForMs: number,
  policy: RestartPolicy = RESTART_POLICY,
): number {
  if (previousMs === undefined || upForMs >= policy.stableMs) return policy.firstDelayMs
  return Math.min(previousMs * 2, policy.maxDelayMs)
}

export interface Restart {
  /** How the run ended: exit code or signal name. */
  code: number | string
  upForMs: number
  delayMs: number
  /** Restarts so far, this one included. */
  count: number
}

/**
 * Keeps `first`, then each child `launch()` starts in its place, running until `until` settles;
 * resolves with `until`'s value, or with undefined once a signal has asked everything to stop.
 */
export async function keepRunning(
  first: Managed,
  launch: () => Managed,
  until: Promise<string>,
  options: { policy?: RestartPolicy; onRestart?: (restart: Restart) => void } = {},
): Promise<string | undefined> {
  const ended = until.then((message) => ({ message }))
  let current = first
  let startedAt = Date.now()
  let delayMs: number | undefined
  let count = 0
  for (;;) {
    const outcome = await Promise.race([ended, current.exited.then((code) => ({ code }))])
    if ('message' in outcome) return outcome.message
    if (isStopping()) return undefined
    // Whatever the leader left behind in its process group (next-server's workers) goes too.
    await stop(current, { graceMs: 1000 })
    const upForMs = Date.now() - startedAt
    delayMs = restartDelay(delayMs, upForMs, options.policy)
    count++
    options.onRestart?.({ code: outcome.code, upForMs, delayMs, count })
    const during = await Promise.race([ended, sleep(delayMs).then(() => undefined)])
    if (during) return during.message
    if (isStopping()) return undefined
    current = launch()
    startedAt = Date.now()
  }
}
