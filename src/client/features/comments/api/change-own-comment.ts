// The author's own changes: PUT (a new text) and DELETE on the comment's address, with the
// token this browser was given when posting it, in a header (never in the address).
import { requestJson, requestNoContent } from '../../../api/http-client';

const commentPath = (slug: string, id: string) => `/articles/${encodeURIComponent(slug)}/comments/${encodeURIComponent(id)}`;
const byAuthor = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function editOwnComment(slug: string, id: string, token: string, body: string) {
  const response = await requestJson(commentPath(slug, id), (schemas) => schemas.EditCommentResponseSchema, {
    method: 'PUT',
    headers: byAuthor(token),
    body: JSON.stringify({ body }),
  });
  return response.comment;
}

export function deleteOwnComment(slug: string, id: string, token: string) {
  return requestNoContent(commentPath(slug, id), { method: 'DELETE', headers: byAuthor(token) });
}
