import { collection, config, fields } from '@keystatic/core'
import { block, mark } from '@keystatic/core/content-components'
import { image, model } from './lib/content/model'
import { asideIcon, pullQuoteIcon } from './lib/editor/icons'
import { keystaticField, keystaticSchema, slugField } from './lib/editor/keystatic-schema'
import { editorPreviewUrl } from './lib/editor/preview'
import { editorStorage } from './lib/editor/storage'
import { stillImage } from './lib/editor/still-image'

/**
 * The browser editor (/keystatic) over the same files as contentlayer.config.ts: both take their
 * fields from the content model (lib/content/model). Here: where each collection lives, how the
 * editor lists it, and a review's MDX body with its components. Relative imports only (read by
 * scripts and tests too).
 */

const required = { validation: { isRequired: true } } as const

const storage = editorStorage() ?? { kind: 'local' as const }

export default config({
  storage: storage.kind === 'github' ? { kind: 'github', repo: storage.repo } : { kind: 'local' },
  ui: { brand: { name: 'Intertitle' } },
  collections: {
    reviews: collection({
      label: 'Reviews',
      path: 'content/reviews/*',
      slugField: slugField(model.reviews),
      format: { contentField: 'body' },
      entryLayout: 'content',
      columns: ['headline', 'date'],
      previewUrl: editorPreviewUrl('reviews'),
      schema: {
        ...keystaticSchema(model.reviews),
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
              schema: { title: fields.text({ label: 'Title', ...required }) },
              className: 'keystatic-aside',
            }),
            Still: block({
              label: 'Still',
              description: 'A picture between paragraphs',
              schema: {
                src: stillImage({ label: 'Image', ...required }),
                alt: keystaticField(image.fields.alt),
                caption: keystaticField(image.fields.caption),
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
      slugField: slugField(model.films),
      format: { data: 'yaml' },
      schema: keystaticSchema(model.films),
    }),
    critics: collection({
      label: 'Critics',
      path: 'content/critics/*',
      previewUrl: editorPreviewUrl('critics'),
      slugField: slugField(model.critics),
      format: { data: 'yaml' },
      schema: keystaticSchema(model.critics),
    }),
    issues: collection({
      label: 'Issues',
      path: 'content/issues/*',
      previewUrl: editorPreviewUrl('issues'),
      slugField: slugField(model.issues),
      format: { data: 'yaml' },
      schema: keystaticSchema(model.issues),
    }),
  },
})
