import { toNextJsHandler } from 'better-auth/next-js'
import { plain } from '@/lib/http'
import { staffAuth } from '@/lib/staff/site-auth'

export const dynamic = 'force-dynamic'

const off = () => plain(404, 'Not found')

/** Better Auth's endpoints (the emailed link's verification above all); 404 with staff sign-in off. */
export async function GET(request: Request) {
  const auth = staffAuth()
  return auth ? toNextJsHandler(auth).GET(request) : off()
}

export async function POST(request: Request) {
  const auth = staffAuth()
  return auth ? toNextJsHandler(auth).POST(request) : off()
}
