/**
 * Runs a command in its own process group and reports its wall time and the peak of the summed
 * resident memory of every process in the group (next build starts workers: /usr/bin/time -v
 * would see only the parent), sampled every 0.5 s from /proc.
 *
 *   npx tsx scripts/measure/tree.ts -- npx next build
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'

const PAGE = 4096

function groupRss(pgid: number): { bytes: number; processes: number } {
  let bytes = 0
  let processes = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      const statm = readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')
      bytes += Number(statm[1]) * PAGE
      processes++
    } catch {
      // The process ended while we looked.
    }
  }
  return { bytes, processes }
}

const args = process.argv.slice(2)
const command = args[0] === '--' ? args.slice(1) : args
if (!command.length) {
  console.error('usage: tsx scripts/measure/tree.ts -- <command> [args…]')
  process.exit(2)
}
const started = performance.now()
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', detached: true })
let peak = 0
let peakProcesses = 0
const timer = setInterval(() => {
  if (!child.pid) return
  const { bytes, processes } = groupRss(child.pid)
  if (bytes > peak) {
    peak = bytes
    peakProcesses = processes
  }
}, 500)
child.on('exit', (code) => {
  clearInterval(timer)
  const seconds = (performance.now() - started) / 1000
  const load = os.loadavg().map((value) => value.toFixed(2))
  console.error(
    `[measure] exit ${code}, ${seconds.toFixed(1)} s, peak RSS of the process group ` +
      `${(peak / 2 ** 20).toFixed(0)} MiB (${peakProcesses} processes), load average ${load.join(' ')}`,
  )
  process.exitCode = code ?? 1
})
