'use client'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg text-muted">This page could not be shown just now. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-8 rounded-sm bg-accent px-5 py-3 font-sans font-semibold text-accent-ink">
        Try again
      </button>
    </div>
  )
}
