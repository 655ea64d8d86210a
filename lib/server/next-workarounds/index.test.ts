import { afterEach, describe, expect, it } from 'vitest'
import { installWorkarounds, WORKAROUNDS } from '.'
import { WRITTEN_FOR_NEXT, workaroundsApply } from './version'

const HANDLERS = Symbol.for('@next/cache-handlers')
const global = globalThis as { [key: symbol]: unknown }

/** A stand-in for ServerResponse.prototype: what the response patches would change. */
function fakePrototype() {
  const end = () => {}
  const write = () => true
  const writeHead = () => {}
  return { target: { end, write, writeHead }, end, write, writeHead }
}

describe('installWorkarounds', () => {
  afterEach(() => {
    delete global[HANDLERS]
  })

  it('installs nothing on another Next.js release, and says so for each workaround', async () => {
    const { target, end, write, writeHead } = fakePrototype()
    const warnings: string[] = []
    const installed = await installWorkarounds({
      nextVersion: '16.5.0',
      serving: true,
      buildDir: '/nonexistent',
      policy: () => '',
      target,
      warn: (message) => warnings.push(message),
    })
    expect(installed).toBe(false)
    expect(Object.getOwnPropertySymbols(target)).toEqual([])
    expect(target).toEqual({ end, write, writeHead })
    expect(global[HANDLERS]).toBeUndefined()
    expect(warnings).toHaveLength(WORKAROUNDS.length)
    for (const name of WORKAROUNDS) {
      expect(warnings.some((line) => line.includes(`workaround ${name} is off`))).toBe(true)
    }
    expect(warnings[0]).toContain(`written for Next.js ${WRITTEN_FOR_NEXT}, this is 16.5.0`)
  })

  it('installs the response patches on the release they were written for', async () => {
    const { target, end, writeHead } = fakePrototype()
    const installed = await installWorkarounds({
      nextVersion: WRITTEN_FOR_NEXT,
      serving: false,
      target,
      warn: () => {},
    })
    expect(installed).toBe(true)
    expect(target.writeHead).not.toBe(writeHead)
    expect(Object.getOwnPropertyDescriptor(target, 'end')?.get).toBeTypeOf('function')
    expect(target.end).not.toBe(end)
  })
})

describe('workaroundsApply', () => {
  it('holds for the pinned release only', () => {
    expect(workaroundsApply(WRITTEN_FOR_NEXT)).toBe(true)
    expect(workaroundsApply('16.4.7')).toBe(false)
    expect(workaroundsApply('17.0.0')).toBe(false)
  })

  it('holds for the Next.js this repository installs (package.json pins it)', () => {
    expect(workaroundsApply()).toBe(true)
  })
})
