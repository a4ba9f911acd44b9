/** Facts of the fixed fixture review that the tests assert; editorial changes elsewhere never break them. */
export const flagship = {
  url: '/reviews/ballerina-2025',
  headline: 'Ballerina: the John Wick machine grinds on, joylessly',
  critic: { name: 'Hannah Okafor', url: '/critics/hannah-okafor' },
  film: { url: '/films/ballerina-2025' },
  date: '2025-06-05',
  releaseLine: '► Ballerina is in UK cinemas from 6 June.',
  heroCaption: 'Ana de Armas as Eve Macarro in Ballerina (2025)',
  heroAlt:
    'Abstract still: an empty road running towards a low sun through violet haze, telegraph poles along one side',
  stillCaption: 'Ballerina (2025)',
  facts: {
    Director: 'Len Wiseman',
    Runtime: '125 minutes',
    Country: 'United States',
    Certificate: '15',
    Distributor: 'Lionsgate',
  },
  cast: [
    'Ana de Armas as Eve Macarro',
    'Anjelica Huston as The Director',
    'Ian McShane as Winston Scott',
  ],
}

/** Unpublished pieces kept in content/ so that leaks are always tested. */
export const unpublished = [
  {
    url: '/reviews/the-lantern-keeper-2025',
    headline: 'The Lantern Keeper:',
    word: 'quillfeather',
  },
  { url: '/reviews/orbital-drift-2099', headline: 'Orbital Drift:', word: 'marrowlight' },
]

export const publicRoutes = [
  '/',
  '/reviews',
  flagship.url,
  '/critics',
  flagship.critic.url,
  '/genres/action',
  flagship.film.url,
  '/issues',
  '/issues/july-2025',
  '/search',
  '/search?q=wiseman',
  '/newsletter',
]

/** The server under test signs preview links with this; tests sign their own with it too. */
export const E2E_PREVIEW_SECRET = 'e2e-preview-secret-not-for-production'
