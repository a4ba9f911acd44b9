/** The bodies a browser's form posts: what the site takes from a form, and nothing else. */
const FORM = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\b/i

export const isFormType = (contentType: string | null | undefined) => FORM.test(contentType ?? '')
