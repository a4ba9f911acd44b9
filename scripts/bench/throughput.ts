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
