import { collection, config, fields } from '@keystatic/core'
import { block, mark } from '@keystatic/core/content-components'
import { asideIcon, pullQuoteIcon } from './lib/editor/icons'
import { editorPreviewUrl } from './lib/editor/preview'
import { recordReference } from './lib/editor/references'
import { editorStorage } from './lib/editor/storage'
import { stillImage } from './lib/editor/still-image'

/**
 * The browser editor (/keystatic) over the same files as contentlayer.config.ts. Every field
 * here has the meaning of the field of the same name there; lib/editor/schema.test.ts proves
 * the two agree field by field. Relative imports only (read by scripts and tests too).
 */

const required = { validation: { isRequired: true } } as const
const text = (label: string, description?: string) =>
  fields.text({ label, description, ...required })
const optionalText = (label: string, description?: string) => fields.text({ label, description })
const longText = (label: string, description?: string) =>
  fields.text({ label, description, multiline: true, ...required })
const date = (label: string, description?: string) =>
  fields.date({ label, description, ...required })
const optionalDate = (label: string, description?: string) => fields.date({ label, description })
const integer = (label: string, description?: string) =>
  fields.integer({ label, description, ...required })
const strings = (label: string, itemLabel: string) =>
  fields.array(fields.text({ label: itemLabel, ...required }), {
    label,
    itemLabel: (props) => props.value || itemLabel,
  })

const picture = (label: string) =>
  fields.object(
    {
      src: text('File', 'Path under public/, e.g. /images/stills/x.jpg'),
      alt: longText('Alt text', 'What the picture shows, for readers who cannot see it'),
      caption: optionalText('Caption'),
    },
    { label },
  )

/** A pick of an existing slug in another collection. */
const reference = (
  collection: 'reviews' | 'films' | 'critics' | 'issues',
  label: string,
  description: string,
  isRequired: boolean,
) =>
  recordReference(
    fields.relationship({ label, description, collection, validation: { isRequired } }),
    collection,
  )

const storage = editorStorage() ?? { kind: 'local' as const }

export default config({
  storage: storage.kind === 'github' ? { kind: 'github', repo: storage.repo } : { kind: 'local' },
  ui: { brand: { name: 'Intertitle' } },
  collections: {
    reviews: collection({
      label: 'Reviews',
      path: 'content/reviews/*',
      slugField: 'headline',
      format: { contentField: 'body' },
      entryLayout: 'content',
      columns: ['headline', 'date'],
      previewUrl: editorPreviewUrl('reviews'),
      schema: {
        headline: fields.slug({
          name: { label: 'Headline', ...required },
          slug: { label: 'File name', description: 'The review’s address: /reviews/<file name>' },
        }),
        standfirst: longText('Standfirst'),
        critic: reference('critics', 'Critic', 'Critic slug (content/critics/<slug>.yaml)', true),
        date: date('Date', 'Publication date shown to readers'),
        publishAt: optionalDate('Publish at', 'When it goes public; defaults to date'),
        updated: optionalDate('Updated'),
        film: reference('films', 'Film', 'Film slug (content/films/<slug>.yaml)', true),
        occasion: optionalText('Occasion', 'e.g. "Cannes 2025" for a festival review'),
        hero: picture('Hero image'),
        genres: strings('Genres', 'Genre'),
        issue: reference('issues', 'Issue', 'Issue slug (content/issues/<slug>.yaml)', true),
        release: fields.object(
          {
            date: date('Release date'),
            territory: fields.text({ label: 'Territory', defaultValue: 'UK' }),
            form: fields.select({
              label: 'Form',
              options: [
                { label: 'Cinemas', value: 'cinemas' },
                { label: 'Digital', value: 'digital' },
                { label: 'Streaming', value: 'streaming' },
                { label: 'Disc', value: 'disc' },
              ],
              defaultValue: 'cinemas',
            }),
            service: optionalText('Service', 'Streaming service, required when form is streaming'),
            format: optionalText('Format', 'Disc format, e.g. Blu-ray or 4K UHD'),
          },
          { label: 'Release' },
        ),
        redirectFrom: fields.array(fields.text({ label: 'Old address', ...required }), {
          label: 'Old addresses',
          description: 'Former URLs of this review, e.g. /reviews/old-slug',
          itemLabel: (props) => props.value || 'Old address',
        }),
        draft: fields.checkbox({ label: 'Draft', defaultValue: false }),
        body: fields.mdx({
          label: 'Review',
          options: { image: false, table: false, codeBlock: false },
          components: {
            PullQuote: mark({
              label: 'Pull quote',
              icon: pullQuoteIcon,
              schema: {},
              className: 'keystatic-pull-quote',
            }),
            Aside: mark({
              label: 'Aside',
              icon: asideIcon,
              schema: { title: text('Title') },
              className: 'keystatic-aside',
            }),
            Still: block({
              label: 'Still',
              description: 'A picture between paragraphs',
              schema: {
                src: stillImage({ label: 'Image', ...required }),
                alt: longText('Alt text', 'What the picture shows, for readers who cannot see it'),
                caption: optionalText('Caption'),
              },
            }),
          },
        }),
      },
    }),
    films: collection({
      label: 'Films',
      path: 'content/films/*',
      previewUrl: editorPreviewUrl('films'),
      slugField: 'title',
      format: { data: 'yaml' },
      schema: {
        title: fields.slug({
          name: { label: 'Title', ...required },
          slug: { label: 'File name', description: 'Title and year, e.g. sinners-2025' },
        }),
        year: integer('Year'),
        directors: strings('Directors', 'Director'),
        writers: strings('Writers', 'Writer'),
        cast: fields.array(
          fields.object(
            { name: text('Name'), character: text('Character') },
            { label: 'Cast member' },
          ),
          {
            label: 'Cast',
            itemLabel: (props) =>
              `${props.fields.name.value || 'Name'} as ${props.fields.character.value || '…'}`,
          },
        ),
        runtime: integer('Runtime', 'Minutes'),
        countries: strings('Countries', 'Country'),
        languages: strings('Languages', 'Language'),
        certificate: text('Certificate', 'BBFC certificate, e.g. 15'),
        distributor: text('Distributor'),
      },
    }),
    critics: collection({
      label: 'Critics',
      path: 'content/critics/*',
      previewUrl: editorPreviewUrl('critics'),
      slugField: 'name',
      format: { data: 'yaml' },
      schema: {
        name: fields.slug({ name: { label: 'Name', ...required }, slug: { label: 'File name' } }),
        bio: longText('Biography'),
      },
    }),
    issues: collection({
      label: 'Issues',
      path: 'content/issues/*',
      previewUrl: editorPreviewUrl('issues'),
      slugField: 'coverLine',
      format: { data: 'yaml' },
      schema: {
        number: integer('Number'),
        month: fields.text({
          label: 'Month',
          description: 'Cover month, YYYY-MM',
          validation: { isRequired: true, pattern: { regex: /^\d{4}-\d{2}$/, message: 'YYYY-MM' } },
        }),
        onSale: date('On sale', 'First day in shops; the latest on sale is current'),
        cover: picture('Cover'),
        coverLine: fields.slug({
          name: { label: 'Cover line', ...required },
          slug: { label: 'File name', description: 'The month, e.g. july-2025' },
        }),
        inside: fields.array(
          fields.object(
            {
              text: text('Text'),
              review: reference('reviews', 'Review', 'Slug of a review on the site', false),
            },
            { label: 'Inside item' },
          ),
          { label: 'Inside', itemLabel: (props) => props.fields.text.value || 'Item' },
        ),
        buyUrl: text('Buy URL'),
        subscribeUrl: text('Subscribe URL'),
      },
    }),
  },
})
