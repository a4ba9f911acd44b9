/**
 * One address, one spelling: surrounding space trimmed, the domain lower-cased (domains are
 * case-insensitive; the local part, strictly, is not, so it is kept as typed). The store's
 * unique index ignores case altogether, so `Ann@x.com` and `ann@x.com` are one subscriber.
 */
export function normaliseEmail(input: string): string {
  const email = input.normalize('NFC').trim()
  const at = email.lastIndexOf('@')
  if (at < 0) return email
  return email.slice(0, at) + '@' + email.slice(at + 1).toLowerCase()
}
