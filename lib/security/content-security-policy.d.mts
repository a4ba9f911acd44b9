export const basePolicy: string
export function scriptPolicy(options?: {
  sources?: string[]
  wasm?: boolean
  dev?: boolean
}): string
export function hashSource(source: string): string
export function inlineScriptHashes(html: string): string[]
export function withScriptPolicy<T>(value: T): T
