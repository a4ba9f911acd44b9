/**
 * Where the browser editor keeps its files. Under `next dev`: the local `content/` folder.
 * In production: GitHub, when NEXT_PUBLIC_KEYSTATIC_GITHUB_REPO names the repository
 * (`owner/name`); otherwise the editor is off and `/keystatic` answers 404.
 * Read in the browser too (the config is part of the editor's page), hence NEXT_PUBLIC_.
 */
export type EditorStorage = { kind: 'local' } | { kind: 'github'; repo: `${string}/${string}` }

export function editorStorage(
  nodeEnv = process.env.NODE_ENV,
  repo = process.env.NEXT_PUBLIC_KEYSTATIC_GITHUB_REPO,
): EditorStorage | undefined {
  if (nodeEnv === 'development') return { kind: 'local' }
  if (repo && /^[\w.-]+\/[\w.-]+$/.test(repo))
    return { kind: 'github', repo: repo as `${string}/${string}` }
  return undefined
}

/** The editor answers only when it has somewhere to write. */
export const editorEnabled = () => editorStorage() !== undefined
