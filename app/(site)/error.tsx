'use client'

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="text-muted mt-4 text-lg">
        This page could not be shown just now. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="bg-accent text-accent-ink mt-8 rounded-sm px-5 py-3 font-sans font-semibold"
      >
        Try again
      </button>
    </div>
  )
}
