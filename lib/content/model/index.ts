/**
 * The content model: every field of a review, film, critic and issue, declared once. The site's
 * types (contentlayer.config.ts), the editor (keystatic.config.ts) and the content check
 * (lib/content/check) are made from it; lib/editor/schema.test.ts proves they read it alike.
 * A review's MDX body and its components are not fields: each tool handles the body its own way.
 */
import {
  checkbox,
  date,
  integer,
  list,
  nested,
  object,
  reference,
  select,
  text,
  title,
  type CollectionName,
  type Fields,
} from './fields'

export type { CollectionName }

export const image = nested('Image', {
  src: text('File', { description: 'Path under public/, e.g. /images/stills/x.jpg' }),
  alt: text('Alt text', {
    multiline: true,
    description: 'What the picture shows, for readers who cannot see it',
  }),
  caption: text('Caption', { optional: true }),
})

const release = nested('Release', {
  date: date('Release date'),
  territory: text('Territory', { default: 'UK' }),
  form: select('Form', {
    options: { cinemas: 'Cinemas', digital: 'Digital', streaming: 'Streaming', disc: 'Disc' },
  }),
  service: text('Service', {
    optional: true,
    description: 'Streaming service, required when form is streaming',
  }),
  format: text('Format', { optional: true, description: 'Disc format, e.g. Blu-ray or 4K UHD' }),
})

const castMember = nested('CastMember', {
  name: text('Name'),
  character: text('Character'),
})

const insideItem = nested('InsideItem', {
  text: text('Text'),
  review: reference('reviews', 'Review', {
    optional: true,
    description: 'Slug of a review on the site',
  }),
})

const reviews = {
  headline: title('Headline', { fileName: 'The review’s address: /reviews/<file name>' }),
  standfirst: text('Standfirst', { multiline: true }),
  critic: reference('critics', 'Critic', {
    description: 'Critic slug (content/critics/<slug>.yaml)',
  }),
  date: date('Date', { description: 'Publication date shown to readers' }),
  publishAt: date('Publish at', {
    optional: true,
    description: 'When it goes public; defaults to date',
  }),
  updated: date('Updated', { optional: true }),
  film: reference('films', 'Film', { description: 'Film slug (content/films/<slug>.yaml)' }),
  occasion: text('Occasion', {
    optional: true,
    description: 'e.g. "Cannes 2025" for a festival review',
  }),
  hero: object(image, 'Hero image'),
  genres: list(text('Genre'), 'Genres'),
  issue: reference('issues', 'Issue', { description: 'Issue slug (content/issues/<slug>.yaml)' }),
  release: object(release, 'Release'),
  redirectFrom: list(text('Old address'), 'Old addresses', {
    optional: true,
    description: 'Former URLs of this review, e.g. /reviews/old-slug',
  }),
  draft: checkbox('Draft', { default: false }),
}

const films = {
  title: title('Title', { fileName: 'Title and year, e.g. sinners-2025' }),
  year: integer('Year'),
  directors: list(text('Director'), 'Directors'),
  writers: list(text('Writer'), 'Writers'),
  cast: list(object(castMember, 'Cast member'), 'Cast', {
    itemLabel: ({ name, character }) => `${String(name || 'Name')} as ${String(character || '…')}`,
  }),
  runtime: integer('Runtime', { description: 'Minutes' }),
  countries: list(text('Country'), 'Countries'),
  languages: list(text('Language'), 'Languages'),
  certificate: text('Certificate', { description: 'BBFC certificate, e.g. 15' }),
  distributor: text('Distributor'),
}

const critics = {
  name: title('Name'),
  bio: text('Biography', { multiline: true }),
}

const issues = {
  number: integer('Number'),
  month: text('Month', {
    description: 'Cover month, YYYY-MM',
    pattern: { regex: /^\d{4}-\d{2}$/, message: 'must be a month like 2025-07' },
  }),
  onSale: date('On sale', { description: 'First day in shops; the latest on sale is current' }),
  cover: object(image, 'Cover'),
  coverLine: title('Cover line', { fileName: 'The month, e.g. july-2025' }),
  inside: list(object(insideItem, 'Inside item'), 'Inside', {
    itemLabel: ({ text }) => String(text || 'Item'),
  }),
  buyUrl: text('Buy URL'),
  subscribeUrl: text('Subscribe URL'),
}

/** The fields a file in content/reviews, films, critics or issues may have, and no others. */
export const model = { reviews, films, critics, issues } satisfies Record<CollectionName, Fields>
