/**
 * Child processes that are always cleaned up. Every child starts as the leader of its own process
 * group (`detached`, like `setsid`), so stopping it stops everything it started (next-server
 * workers, nginx workers). Whatever is still running is stopped when the script ends, fails, or
 * gets Ctrl-C / SIGTERM / SIGHUP. Nothing is ever killed by name: only the groups started here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs'

export interface Managed {
  name: string
  child: ChildProcess
  pid: number
  /** Resolves with the exit code (or the signal's name) once the leader has exited. */
  exited: Promise<number | string>
  /** Where its stdout and stderr go, when not piped. */
  logFile?: string
}

export interface StartOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Send stdout and stderr to this file, or 'inherit' to share ours (default: discard). */
  logFile?: string
}

function output(logFile: string | undefined): 'ignore' | 'inherit' | number {
  if (logFile === 'inherit') return 'inherit'
  return logFile ? openSync(logFile, 'a') : 'ignore'
}

const running = new Set<Managed>()
/** Extra cleanups (e.g. browsers started by a child that left our process group). */
const cleanups = new Set<() => void>()
/** Run once everything has stopped (e.g. removing a temporary folder). */
const finalizers = new Set<() => void>()
let handlersInstalled = false
let stopping = false

/** True once a signal asked everything to stop (exits seen after that are expected). */
export function isStopping(): boolean {
  return stopping
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Spawns a command as the leader of its own process group. Its stderr goes to logFile (or is
 * discarded), and so does its stdout unless it is piped to us.
 */
function spawnInGroup(
  name: string,
  command: string,
  args: string[],
  options: StartOptions,
  stdout: 'pipe' | 'log',
): ChildProcess & { pid: number } {
  installHandlers()
  const log = output(options.logFile)
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', stdout === 'pipe' ? 'pipe' : log, log],
  })
  if (typeof log === 'number') closeSync(log)
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`)
  return child as ChildProcess & { pid: number }
}

/** Starts a long-running process in its own process group. */
export function start(
  name: string,
  command: string,
  args: string[],
  options: StartOptions = {},
): Managed {
  const child = spawnInGroup(name, command, args, options, 'log')
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
    child.on('error', (error) => resolve(error.message))
  })
  const managed: Managed = { name, child, pid: child.pid, exited, logFile: options.logFile }
  running.add(managed)
  return managed
}

/** Stops a process group: SIGTERM (or the given signal), then SIGKILL after graceMs. */
export async function stop(
  managed: Managed,
  { signal = 'SIGTERM', graceMs = 5000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  signalGroup(managed.pid, signal)
  const deadline = Date.now() + graceMs
  while (groupAlive(managed.pid) && Date.now() < deadline) await sleep(100)
  if (groupAlive(managed.pid)) signalGroup(managed.pid, 'SIGKILL')
  running.delete(managed)
}

export interface RunResult {
  code: number | string
  stdout: string
}

/**
 * Runs a command to completion in its own process group and returns its stdout; stderr goes to
 * logFile (or is discarded). Throws on a non-zero exit unless allowFailure. A timeout stops it.
 */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: StartOptions & { timeoutMs?: number; allowFailure?: boolean } = {},
): Promise<RunResult> {
  const child = spawnInGroup(name, command, args, options, 'pipe')
  const chunks: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk))
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'))
    child.on('error', (error) => resolve(error.message))
  })
  const managed: Managed = { name, child, pid: child.pid, exited, logFile: options.logFile }
  running.add(managed)
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    if (options.timeoutMs) timer = setTimeout(() => resolve('timeout'), options.timeoutMs)
  })
  const code = await Promise.race([exited, timedOut])
  clearTimeout(timer)
  // The leader has exited (or timed out): stop anything it left behind in its group.
  await stop(managed, { graceMs: 2000 })
  const stdout = Buffer.concat(chunks).toString('utf8')
  if (code === 'timeout') throw new Error(`${name} took longer than ${options.timeoutMs} ms`)
  if (code !== 0 && !options.allowFailure) {
    const where =
      options.logFile && options.logFile !== 'inherit' ? ` (log: ${options.logFile})` : ''
    throw new Error(`${name} failed with exit code ${code}${where}`)
  }
  return { code, stdout }
}

/** Registers a cleanup to run with stopAll (and on exit); returns a function that removes it. */
export function onCleanup(cleanup: () => void): () => void {
  installHandlers()
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/** Registers work for after every process has stopped (also on Ctrl-C); returns its remover. */
export function onFinish(finalizer: () => void): () => void {
  installHandlers()
  finalizers.add(finalizer)
  return () => finalizers.delete(finalizer)
}

function runAll(tasks: Set<() => void>): void {
  for (const task of tasks) {
    tasks.delete(task)
    try {
      task()
    } catch {
      // Best effort.
    }
  }
}

/**
 * Stops the process groups whose leader's command line contains marker, e.g. a browser that a
 * child launched in a process group of its own, tagged by a unique flag we passed to it.
 */
export function stopByMarker(marker: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let cmdline: string
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
    } catch {
      continue
    }
    if (!cmdline.includes(marker)) continue
    const pid = Number(entry)
    if (pid === process.pid) continue
    try {
      // Its own group if it leads one, else just the process.
      const pgid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[2])
      if (pgid === pid) signalGroup(pid, 'SIGKILL')
      else process.kill(pid, 'SIGKILL')
    } catch {
      // Gone already.
    }
  }
}

/** Stops everything started here that still runs. */
export async function stopAll(): Promise<void> {
  runAll(cleanups)
  await Promise.all([...running].map((managed) => stop(managed, { graceMs: 3000 })))
  runAll(finalizers)
}

function installHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    process.on(signal, () => {
      stopping = true
      console.error(`\n${signal}: stopping everything this script started…`)
      void stopAll().finally(() => process.exit(code))
    })
  }
  onSignal('SIGINT', 130)
  onSignal('SIGTERM', 143)
  onSignal('SIGHUP', 129)
  // Last resort on any exit path that skipped stopAll: synchronous SIGKILL to what is left.
  process.on('exit', () => {
    runAll(cleanups)
    for (const managed of running) signalGroup(managed.pid, 'SIGKILL')
    runAll(finalizers)
  })
}

/** Polls url until it answers (any HTTP status below 500), the process exits, or timeoutMs. */
export async function waitForHttp(
  url: string,
  managed: Managed,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | string | undefined
  void managed.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      const where =
        managed.logFile && managed.logFile !== 'inherit' ? `; see ${managed.logFile}` : ''
      throw new Error(`${managed.name} exited (${exitCode}) before answering ${url}${where}`)
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    await sleep(200)
  }
  throw new Error(`${managed.name} did not answer ${url} within ${timeoutMs / 1000} s`)
}
