/**
 * `npm run subscribers:erase -- <address>`: a reader's request to be forgotten. Deletes the
 * address, its consent record, its confirmation links and its delivery records. Nothing is kept:
 * the site mails nobody who has not signed up and confirmed, so a forgotten address stays
 * unmailed unless its owner signs up again. On the embedded default, stop the site first.
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), false, { info: console.error, error: console.error })

async function main(argv: string[]): Promise<void> {
  if (argv.length !== 1 || !argv[0]!.includes('@'))
    throw new Error('usage: npm run subscribers:erase -- <address>')
  const [{ env }, { openStore }, { normaliseEmail }] = await Promise.all([
    import('../lib/env'),
    import('../lib/newsletter/store'),
    import('../lib/newsletter/email'),
  ])
  const email = normaliseEmail(argv[0]!)
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
  try {
    const erased = await store.erase(email)
    console.error(
      erased
        ? `Erased ${email} and its consent record.`
        : `${email} is not on the list: nothing to erase.`,
    )
  } finally {
    await store.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(
    `subscribers:erase failed: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 1
})
