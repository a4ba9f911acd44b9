import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ImageResponse } from 'next/og'
import { notFound } from 'next/navigation'
import { criticOf, filmOf, getReview } from '@/lib/content'
import { ogFonts } from '@/lib/seo/og-fonts.mjs'
import { site } from '@/lib/site'

/** Open Graph cards (1200×630 PNG), drawn with fonts and images read from local files. */
export const ogSize = { width: 1200, height: 630 }

async function fonts() {
  // Not traced from here (it would take in the whole project): next.config lists these files.
  const read = (file: string) =>
    readFile(path.join(/* turbopackIgnore: true */ process.cwd(), file))
  const [serifBold, sans] = await Promise.all([read(ogFonts.serifBold), read(ogFonts.sansSemibold)])
  return [
    { name: 'Serif', data: serifBold, weight: 700 as const, style: 'normal' as const },
    { name: 'Sans', data: sans, weight: 600 as const, style: 'normal' as const },
  ]
}

async function publicImage(src: string): Promise<string> {
  // public/ ships beside the server (scripts/standalone.ts), so it is not traced in as code.
  const data = await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'public', src))
  const type = src.endsWith('.png') ? 'png' : 'jpeg'
  return `data:image/${type};base64,${data.toString('base64')}`
}

type Card = { kicker: string; title: string; byline?: string; image?: string }

export async function ogCard({ kicker, title, byline, image }: Card): Promise<ImageResponse> {
  const still = image ? await publicImage(image) : undefined
  return new ImageResponse(
    <div
      style={{
        display: 'flex',
        width: '100%',
        height: '100%',
        background: '#121212',
        color: '#fbfaf7',
        fontFamily: 'Sans',
      }}
    >
      {still ? (
        // eslint-disable-next-line @next/next/no-img-element -- Satori draws plain <img>
        <img
          src={still}
          alt=""
          width={1200}
          height={630}
          style={{ position: 'absolute', inset: 0, objectFit: 'cover', opacity: 0.55 }}
        />
      ) : null}
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '56px 64px',
          width: '100%',
          background: 'linear-gradient(180deg, rgba(18,18,18,0.1) 0%, rgba(18,18,18,0.92) 70%)',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <div style={{ display: 'flex', width: 44, height: 44, background: '#b3122e' }} />
          <div style={{ fontFamily: 'Serif', fontSize: 40, letterSpacing: 2 }}>
            {site.name.toUpperCase()}
          </div>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 18 }}>
          <div
            style={{ fontSize: 26, color: '#ff8a9b', textTransform: 'uppercase', letterSpacing: 4 }}
          >
            {kicker}
          </div>
          <div
            style={{ fontFamily: 'Serif', fontSize: title.length > 60 ? 56 : 68, lineHeight: 1.08 }}
          >
            {title}
          </div>
          {byline ? <div style={{ fontSize: 28, color: '#d9d4ca' }}>{byline}</div> : null}
        </div>
      </div>
    </div>,
    { ...ogSize, fonts: await fonts() },
  )
}

/** A review's card; only published reviews get one, since a draft's image would leak it. */
export async function reviewCard(slug: string): Promise<ImageResponse> {
  const review = getReview(slug)
  if (!review) notFound()
  const film = filmOf(review.film)
  return ogCard({
    kicker: `Review · ${film.title} (${film.year})`,
    title: review.headline,
    byline: `By ${criticOf(review.critic).name}`,
    image: review.hero.src,
  })
}
