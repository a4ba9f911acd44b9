/**
 * The known name a mistyped one was most likely meant to be, for the content check's "did you
 * mean" hints: the closest by edit distance, if it is close enough to be a typo (at most a third
 * of the name's letters, and no more than three), else none.
 */
export function closest(value: string, known: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.floor(value.length / 3))
  let best: { name: string; distance: number } | undefined
  for (const name of known) {
    const distance = editDistance(value.toLowerCase(), name.toLowerCase())
    if (
      distance <= limit &&
      (!best || distance < best.distance || (distance === best.distance && name < best.name))
    )
      best = { name, distance }
  }
  return best?.name
}

/** Levenshtein distance, with an adjacent swap counted as one edit (the commonest typo). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!
      const above = rows[i - 1]!
      row[j] = Math.min(
        above[j]! + 1,
        row[j - 1]! + 1,
        above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1)
    }
  }
  return rows[a.length]![b.length]!
}
