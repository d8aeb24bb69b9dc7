// The comment forms without JavaScript: a plain HTML form posts here, and the server answers as
// the app would, through the very API the app calls (same rules, throttles, bans, word lists,
// idempotency). Accepted: 303 to the article, which thanks the author (Post/Redirect/Get, so a
// reload does not post again). Refused: the page again, status 422, the form open with every
// typed value and each error beside its field.
import { FORM_POST_KEY_PREFIX } from '../shared/page-address';
import { createHash } from 'node:crypto';
import type { Api, ClientContext } from '../http/api';
import { decodedSegment } from './page-request';
import { COMMENT_FIELDS } from '../shared/comment-rules';
import type { ApiErrorBody } from '../shared/contract';
import { FORM_POST_PATH, type PostedFormValues, type RefusedForm } from '../shared/server-page';
import { commentAnchor, FORM_ADDRESS_FIELD, PAGE_PARAMS, shownPart } from '../shared/page-address';

const FORM_PATH = new RegExp(`^/articles/([^/]+)/${FORM_POST_PATH}/?$`);

export function formPostSlug(method: string, url: URL): string | null {
  if (method !== 'POST') return null;
  return decodedSegment(FORM_PATH.exec(url.pathname)?.[1]);
}

type ApiError = ApiErrorBody['error'];

export type FormPostOutcome =
  | { kind: 'sent'; location: string }
  /** `shown`: what the page the form was on showed (its order, pages, opened replies, thread). */
  | { kind: 'refused'; refused: RefusedForm; shown: URLSearchParams }
  | { kind: 'not-found' };

/** What the API said, turned into the form's words (the API's French messages, field by field). */
function refusal(error: ApiError, parentId: string | null, values: PostedFormValues): RefusedForm {
  const fields = error.fields ?? {};
  const errors: RefusedForm['errors'] = {};
  for (const name of COMMENT_FIELDS) if (fields[name]) errors[name] = fields[name];
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return { parentId, values, errors };
}

/**
 * Posts the form's comment through the API. The idempotency key is the form's content: the same
 * comment sent twice (a double click, a resent form) is stored once.
 */
export async function postForm(api: Pick<Api, 'handle'>, body: string, slug: string, origin: string, client: ClientContext): Promise<FormPostOutcome> {
  const form = new URLSearchParams(body);
  const values: PostedFormValues = { author: form.get('author') ?? '', email: form.get('email') ?? '', body: form.get('body') ?? '' };
  const parentId = form.get('parentId') || null;
  const shown = shownPart(form.get(FORM_ADDRESS_FIELD) ?? '');
  // The address's keyed hash too: a key nobody elsewhere can derive from a published comment.
  const key = createHash('sha256').update(JSON.stringify([client.addressKey, slug, parentId, values.author, values.email, values.body])).digest('base64url');
  const response = await api.handle(
    new Request(new URL(`/api/articles/${encodeURIComponent(slug)}/comments`, origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${FORM_POST_KEY_PREFIX}${key}` },
      body: JSON.stringify({ ...values, parentId }),
    }),
    client,
  );
  if (response.status === 200 || response.status === 201) {
    const { comment } = (await response.json()) as { comment: { id: string } };
    const anchor = parentId === null ? 'reagir' : commentAnchor(parentId);
    shown.set(PAGE_PARAMS.sent, comment.id);
    return { kind: 'sent', location: `/articles/${encodeURIComponent(slug)}?${shown}#${anchor}` };
  }
  const { error } = (await response.json()) as { error: ApiError };
  if (response.status === 404 && error.code === 'not_found') return { kind: 'not-found' };
  return { kind: 'refused', refused: refusal(error, parentId, values), shown };
}
