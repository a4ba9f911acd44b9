/** Where stills live, flat: public/images/stills/<name>, shown to readers as /images/stills/<name>. */
export const STILLS_PUBLIC_PATH = '/images/stills/'
export const STILLS_UPLOAD_URL = '/api/keystatic/stills'
