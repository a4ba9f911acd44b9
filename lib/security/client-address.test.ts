import { describe, expect, it } from 'vitest'
import { isIP } from 'node:net'
import { clientAddress, clientIp, DIRECT_CLIENTS, UNKNOWN_CLIENT_IP } from './client-address'

describe('clientAddress', () => {
  it('is "unknown" without a header, or with fewer entries than trusted proxies', () => {
    expect(clientAddress(null, 1)).toBe('unknown')
    expect(clientAddress(undefined, 1)).toBe('unknown')
    expect(clientAddress(' , ', 1)).toBe('unknown')
    expect(clientAddress('203.0.113.7', 2)).toBe('unknown')
  })

  it('with no trusted proxy, never reads the header: a client cannot pick its own bucket', () => {
    for (const header of [
      null,
      '203.0.113.7',
      '198.51.100.1, 203.0.113.7',
      `10.0.0.${Math.floor(Math.random() * 255)}`,
    ]) {
      expect(clientAddress(header, 0)).toBe(DIRECT_CLIENTS)
    }
  })

  it('behind one proxy, takes the last entry: the one the proxy appended', () => {
    expect(clientAddress('203.0.113.7', 1)).toBe('203.0.113.7')
    expect(clientAddress('198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('behind trusted proxies, takes the entry the outermost one wrote, ignoring what the client sent', () => {
    const header = '10.0.0.1, 198.51.100.1, 203.0.113.7, 192.0.2.10'
    expect(clientAddress(header, 1)).toBe('192.0.2.10')
    expect(clientAddress(header, 2)).toBe('203.0.113.7')
    expect(clientAddress(header, 3)).toBe('198.51.100.1')
  })

  it('drops ports and brackets', () => {
    expect(clientAddress('203.0.113.7:51234', 1)).toBe('203.0.113.7')
    expect(clientAddress('[2001:db8::1]:443', 1)).toBe('2001:db8:0:0::/64')
  })

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientAddress('::ffff:203.0.113.7', 1)).toBe('203.0.113.7')
    expect(clientAddress('::FFFF:203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('puts every IPv6 address of one /64 in one bucket, however it is written', () => {
    const spellings = [
      '2001:db8:85a3:1:aaaa::1',
      '2001:0DB8:85A3:0001:bbbb:cccc:dddd:eeee',
      '2001:db8:85a3:1::',
      'fe80::1%eth0',
    ]
    const buckets = spellings.map((address) => clientAddress(address, 1))
    expect(buckets.slice(0, 3)).toEqual([
      '2001:db8:85a3:1::/64',
      '2001:db8:85a3:1::/64',
      '2001:db8:85a3:1::/64',
    ])
    expect(buckets[3]).toBe('fe80:0:0:0::/64')
    expect(clientAddress('2001:db8:85a3:2::1', 1)).not.toBe(buckets[0])
    expect(clientAddress('::1', 1)).toBe('0:0:0:0::/64')
  })

  it('keeps anything that is not an address apart from real addresses, and short', () => {
    expect(clientAddress('unknown', 1)).toBe('other:unknown')
    expect(clientAddress('x'.repeat(500), 1)).toBe(`other:${'x'.repeat(100)}`)
  })
})

describe('clientIp', () => {
  it('is the bucket as an address: IPv4 as is, IPv6 by the first address of its /64', () => {
    expect(clientIp('198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7')
    expect(clientIp('[2001:db8:1:2:3:4:5:6]:443', 1)).toBe('2001:db8:1:2::')
    expect(isIP(clientIp('2001:db8:1:2:3:4:5:6', 1))).toBe(6)
  })

  it('puts every client that cannot be told apart in one bucket', () => {
    expect(clientIp('203.0.113.7', 0)).toBe(UNKNOWN_CLIENT_IP)
    expect(clientIp(null, 1)).toBe(UNKNOWN_CLIENT_IP)
    expect(clientIp('not-an-address', 1)).toBe(UNKNOWN_CLIENT_IP)
  })
})
