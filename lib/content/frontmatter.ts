/**
 * A review file's frontmatter block: `---`, the YAML, `---`, then the body. The match's group 1 is
 * the YAML; the whole match ends where the body starts. Shared by the content check, the editor's
 * round trip and `npm run preview-link`.
 */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/
