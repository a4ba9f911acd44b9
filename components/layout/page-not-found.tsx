import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { NotFoundMessage } from './not-found-message'

/**
 * What a page of the site returns when what it was asked for is not there (an unknown review,
 * critic, genre, film or issue; a page number past the end), in place of calling `notFound()`:
 * the same 404, drawn on the server too.
 *
 * Next 16 answers a bare `notFound()` with status 404 and an empty `<html id="__next_error__">`
 * document: the browser draws the site's 404 only once the scripts have run, and a reader without
 * JavaScript gets a blank page (vercel/next.js#62228). Called inside a Suspense boundary, React's
 * server renderer keeps the site around it, puts the boundary's fallback where the page would
 * have been, and Next still answers 404; in the browser, React renders the boundary again and the
 * site's own 404 (app/(site)/not-found.tsx), the same message in the same place, takes over. Only
 * a page that is not there renders this, so the fallback is never a placeholder for something
 * still on its way, and found pages carry none of it in their HTML or payload.
 *
 * Not in a preview: there the page is rendered per request and streamed, and the status would go
 * out as 200 with the site around the boundary before the page threw. Editors' browsers run
 * scripts, so a preview's 404 is left to Next: the right status, drawn by the client.
 */
export async function PageNotFound() {
  if ((await draftMode()).isEnabled) notFound()
  return (
    <Suspense fallback={<NotFoundMessage />}>
      <Missing />
    </Suspense>
  )
}

function Missing(): never {
  notFound()
}
