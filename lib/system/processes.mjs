import { readFileSync } from 'node:fs'

/**
 * Whether a process of this machine is still running: it exists (or exists and is another
 * user's) and is not a zombie. A killed process stays a zombie until its parent reaps it, and a
 * container whose first process is not an init never does: Linux says which ones are. Used by
 * what a process leaves behind for others to wait on (the database's lock, the page cache's
 * warm-up claim), so that a killed owner's is not waited for.
 * @param {number} pid
 */
export function running(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}
