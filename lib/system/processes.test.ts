import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { running } from './processes.mjs'

describe('running', () => {
  it('is true of this process and false of one that has exited', async () => {
    expect(running(process.pid)).toBe(true)
    const child = spawn(process.execPath, ['-e', ''])
    await once(child, 'exit')
    expect(running(child.pid!)).toBe(false)
  })

  it('is false of a process killed but not yet reaped (a zombie)', async () => {
    // The shell starts `sleep`, kills it and, busy sleeping itself, does not reap it for a while.
    const shell = spawn('sh', ['-c', 'sleep 30 & echo $!; kill -9 $!; exec sleep 5'])
    const [line] = await once(shell.stdout, 'data')
    const pid = Number(String(line).trim())
    try {
      await expect.poll(() => running(pid)).toBe(false)
    } finally {
      shell.kill('SIGKILL')
    }
  })

  it('is false of what is not a process id', () => {
    for (const pid of [0, -1, Number.NaN, 1.5]) expect(running(pid)).toBe(false)
  })
})
