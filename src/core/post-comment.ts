// A reader's new comment: checked with the shared rules, stored once as pending whatever the
// retries, and answered with what the author may see of it.
import { FORM_POST_KEY_PREFIX } from '../shared/page-address';
import { normaliseComment, validateComment } from '../shared/comment-rules';
import type { CommentStatus, NewComment, PublishedComment } from '../shared/contract';
import { refuseBanned } from './bans';
import { newCommentRecord } from './count-discussion';
import { randomToken, sha256Hex } from './digest';
import { Problem } from './problem';
import { articleRecordOf } from './read-discussion';
import type { CommentRecord } from './records';
import type { Store } from './store';
import { toPublished } from './views';
import { refuseBannedWords } from './word-lists';

export interface PostedComment {
  /** False when an earlier request with the same idempotency key stored it. */
  created: boolean;
  comment: PublishedComment & { status: CommentStatus };
  /** The secret that lets its author edit or delete it (author-changes.ts); the store keeps its hash. */
  /** Null for a replay under a form's key (FORM_POST_KEY_PREFIX). */
  authorToken: string | null;
}

export interface PostOptions {
  now: () => Date;
  newId: () => string;
  /** Counts the post against the throttles (throttle.ts); throws when over. Not run for a replay. */
  throttle?: (normalised: NewComment) => Promise<void>;
}

function answer(comment: CommentRecord, created: boolean, authorToken: string | null): PostedComment {
  return { created, comment: { ...toPublished(comment), status: comment.status }, authorToken };
}

async function newAuthorToken(): Promise<{ token: string; hash: string }> {
  const token = randomToken();
  return { token, hash: await sha256Hex(token) };
}

/**
 * The comment an idempotency key already stored, when the request says the same thing; a
 * different text under a used key is refused, so that an edited text is never taken for the
 * one already stored.
 */
async function replayOf(store: Store, slug: string, key: string | null, request: NewComment): Promise<PostedComment | undefined> {
  const earlier = key === null ? undefined : await store.commentByIdempotencyKey(key);
  if (!earlier) return undefined;
  const same =
    earlier.articleSlug === slug &&
    earlier.author === request.author &&
    earlier.email === request.email &&
    earlier.body === request.body &&
    earlier.parentId === request.parentId;
  if (!same) throw new Problem('idempotency_mismatch');
  // A form posted without JavaScript: its key can be derived from what it says, and its browser
  // keeps no token anyway. No new token, or whoever knows the email could take the comment.
  if (key?.startsWith(FORM_POST_KEY_PREFIX)) return answer(earlier, false, null);
  // The browser that lost the first answer lost its token with it: a replay proves it is that
  // browser (its random key, and the same email and text), so it gets a new token, and the
  // first one stops working (only a hash is kept: the first cannot be given again).
  const { token, hash } = await newAuthorToken();
  await store.write(earlier.articleSlug, (tx) => tx.updateComment(earlier.id, { authorTokenHash: hash }));
  return answer(earlier, false, token);
}

export async function postComment(
  store: Store,
  slug: string,
  request: NewComment,
  idempotencyKey: string | null,
  options: PostOptions,
): Promise<PostedComment> {
  await articleRecordOf(store, slug);
  const normalised: NewComment = { ...normaliseComment(request), parentId: request.parentId };
  const replay = await replayOf(store, slug, idempotencyKey, normalised);
  if (replay) return replay;

  const fields = validateComment(request);
  if (Object.keys(fields).length > 0) throw new Problem('validation', fields as Record<string, string>);
  // Counted once the form is valid (a reader correcting a field is not throttled), and never for
  // a retry of a stored comment (above): it posts nothing.
  await options.throttle?.(normalised);
  await refuseBanned(store.access, normalised.email);
  await refuseBannedWords(store.access, normalised.body);

  if (normalised.parentId !== null) {
    const parent = await store.comment(normalised.parentId);
    if (!parent || parent.articleSlug !== slug || parent.status !== 'published') throw new Problem('parent_not_found');
  }

  const now = options.now();
  const { token, hash } = await newAuthorToken();
  const record = newCommentRecord(
    {
      id: options.newId(),
      articleSlug: slug,
      parentId: normalised.parentId,
      author: normalised.author,
      email: normalised.email,
      body: normalised.body,
      createdAt: now.toISOString(),
      status: 'pending',
    },
    idempotencyKey,
  );
  record.authorTokenHash = hash;
  // The key is unique in the store: of two requests racing with one key, one inserts and the
  // other finds the comment it stored.
  const inserted = await store.write(null, (tx) => tx.insertComment(record));
  if (inserted) {
    await store.signal.send({ kind: 'queue', id: record.id, status: 'pending', moderator: null });
    return answer(record, true, token);
  }
  const lateReplay = await replayOf(store, slug, idempotencyKey, normalised);
  if (lateReplay) return lateReplay;
  throw new Error('An idempotency key refused an insert but names no comment.');
}
