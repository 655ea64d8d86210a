import { describe, expect, it } from 'vitest'
import { start, stop, type Managed } from './processes'
import { keepRunning, restartDelay, RESTART_POLICY, type Restart } from './supervise'

describe('restartDelay', () => {
  it('doubles while the child keeps exiting soon after a start, up to the most', () => {
    const delays: number[] = []
    let delay: number | undefined
    for (let run = 0; run < 8; run++) {
      delay = restartDelay(delay, 500)
      delays.push(delay)
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
  })

  it('starts again from the first pause after a run that lasted', () => {
    expect(restartDelay(30_000, RESTART_POLICY.stableMs)).toBe(1000)
    expect(restartDelay(30_000, RESTART_POLICY.stableMs - 1)).toBe(30_000)
  })
})

describe('keepRunning', () => {
  const policy = { firstDelayMs: 20, maxDelayMs: 80, stableMs: 60_000 }
  /** A child that exits with code 3 after ms, or stays up. */
  const child = (ms?: number): Managed =>
    start('child (supervise test)', process.execPath, [
      '-e',
      ms === undefined ? 'setInterval(() => {}, 1000)' : `setTimeout(() => process.exit(3), ${ms})`,
    ])

  it('starts the child again each time it exits, with growing pauses', async () => {
    const restarts: Restart[] = []
    const launched: Managed[] = []
    let enough!: (message: string) => void
    const until = new Promise<string>((resolve) => (enough = resolve))
    const launch = () => {
      const next = child(10)
      launched.push(next)
      return next
    }
    const result = keepRunning(launch(), launch, until, {
      policy,
      onRestart: (restart) => {
        restarts.push(restart)
        if (restart.count === 4) enough('nginx exited (1)')
      },
    })
    await expect(result).resolves.toBe('nginx exited (1)')
    expect(restarts.map(({ code, delayMs, count }) => ({ code, delayMs, count }))).toEqual([
      { code: 3, delayMs: 20, count: 1 },
      { code: 3, delayMs: 40, count: 2 },
      { code: 3, delayMs: 80, count: 3 },
      { code: 3, delayMs: 80, count: 4 },
    ])
    // The first child and one per restart but the last, which `until` cut short.
    expect(launched).toHaveLength(4)
    for (const { upForMs } of restarts) expect(upForMs).toBeLessThan(policy.stableMs)
  })

  it('leaves a child that stays up alone, and ends when told to', async () => {
    const steady = child()
    const restarts: Restart[] = []
    const result = keepRunning(
      steady,
      () => child(),
      new Promise<string>((resolve) => setTimeout(() => resolve('stopped'), 300)),
      { policy, onRestart: (restart) => restarts.push(restart) },
    )
    await expect(result).resolves.toBe('stopped')
    expect(restarts).toEqual([])
    // Still running: keepRunning does not stop it; its caller does.
    let exited = false
    void steady.exited.then(() => (exited = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(exited).toBe(false)
    await stop(steady)
  })
})
