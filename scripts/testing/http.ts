import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/**
 * One request to a test server, its target sent as written (a URL would resolve dot segments
 * first), its body as the bytes on the wire: nothing decompressed.
 */
export function rawRequest(
  server: http.Server,
  target: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) =>
    http
      .request({ host: '127.0.0.1', port, path: target, headers, method }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
      .end(),
  )
}

/** Starts `server` on a free loopback port. */
export const listen = (server: http.Server) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
