import autocannon from 'autocannon'

export type Throughput = {
  requestsPerSecond: number
  p99Ms: number
  errors: number
  non2xx: number
}

/** 50 connections for 10 s over the given paths, loopback only. */
export async function throughput(base: string, paths: string[], seconds = 10): Promise<Throughput> {
  const result = await autocannon({
    url: base,
    connections: 50,
    duration: seconds,
    requests: paths.map((path) => ({
      method: 'GET',
      path,
      headers: { 'accept-encoding': 'gzip' },
    })),
  })
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

/** One round: next start, then the static server. */
type Round = {
  next: Throughput
  static: Throughput
  /** next start's requests a second over the static server's. */
  ratio: number
}

/** The median round's figures, and each counted round's ratio in order. */
export type Comparison = Round & { rounds: number[] }

/**
 * `next start` against the static server on the same paths, in turns: one uncounted round on
 * each first (the first 10 s under load is the server's JIT warming up: 0.33× against 0.43–0.46×
 * after it, 2026-12-05), then `rounds` rounds of both, the median round's figures kept (single
 * rounds of the static server alone moved 815–1,003 req/s within minutes).
 */
export async function againstStatic(
  nextBase: string,
  staticBase: string,
  paths: string[],
  rounds = 3,
): Promise<Comparison> {
  await throughput(nextBase, paths)
  await throughput(staticBase, paths)
  const runs: Round[] = []
  for (let i = 0; i < rounds; i++) {
    const next = await throughput(nextBase, paths)
    const fileServer = await throughput(staticBase, paths)
    const ratio = Number((next.requestsPerSecond / fileServer.requestsPerSecond).toFixed(2))
    runs.push({ next, static: fileServer, ratio })
  }
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds / 2)]!
  return { ...median, rounds: runs.map((run) => run.ratio) }
}
