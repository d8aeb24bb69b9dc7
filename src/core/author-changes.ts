// What a comment's author may do to it afterwards, without an account: change its text while it
// awaits moderation and for AUTHOR_EDIT_WINDOW_MS after it is published, and delete it at any
// time. The right is the secret handed out once, in the answer to the post (post-comment.ts), of
// which the store keeps only the SHA-256. Counts move as when moderators decide (setStatus).
import { messageFor } from '../shared/coded-messages';
import { commentBodyProblem } from '../shared/comment-rules';
import type { CommentStatus, PublishedComment } from '../shared/contract';
import { ruleMessagesFr } from '../shared/rule-messages-fr';
import { refuseBanned } from './bans';
import { sha256Hex } from './digest';
import { recordDiscussionEvent } from './discussion-events';
import { setStatus } from './moderate';
import { Problem } from './problem';
import { articleRecordOf } from './read-discussion';
import type { CommentRecord } from './records';
import type { Store, StoreReads } from './store';
import { toPublished } from './views';
import { refuseBannedWords } from './word-lists';

/** How long after its publication a comment's author may still change its text. */
export const AUTHOR_EDIT_WINDOW_MS = 10 * 60_000;

export interface AuthorChangeOptions {
  now: () => Date;
  /** REAGIR_REMODERATE_EDITS: a published comment whose text changes goes back to the moderators. */
  remoderateEdits: boolean;
}

export interface EditedComment {
  comment: PublishedComment & { status: CommentStatus; editedAt: string | null };
}

/** Neither rejected by the moderators nor deleted: its author's to change. */
const isAuthorsToChange = (comment: CommentRecord) => comment.deletedAt === null && comment.status !== 'rejected';

function refuseClosedWindow(comment: CommentRecord, now: Date): void {
  if (comment.status !== 'published') return;
  // A comment published before publications were dated (seeded, imported) counts from its post.
  const since = Date.parse(comment.publishedAt ?? comment.createdAt);
  if (now.getTime() - since > AUTHOR_EDIT_WINDOW_MS) throw new Problem('edit_window_closed');
}

/**
 * The comment, read again under the article's lock, when `tokenHash` is still its author's and
 * it is still theirs to change. (The hashes of a 256-bit secret are compared: nothing to learn
 * from the time a comparison takes.)
 */
async function checked(store: StoreReads, slug: string, id: string, tokenHash: string | null): Promise<CommentRecord> {
  const comment = await store.comment(id);
  if (!comment || comment.articleSlug !== slug || !isAuthorsToChange(comment)) throw new Problem('comment_not_found');
  if (tokenHash === null || comment.authorTokenHash === null || comment.authorTokenHash !== tokenHash) throw new Problem('not_author');
  return comment;
}

async function hashOf(token: string | null): Promise<string | null> {
  return token === null || token === '' ? null : sha256Hex(token);
}

function edited(comment: CommentRecord): EditedComment {
  return { comment: { ...toPublished(comment), status: comment.status, editedAt: comment.editedAt } };
}

export async function editComment(
  store: Store,
  slug: string,
  id: string,
  token: string | null,
  body: string,
  options: AuthorChangeOptions,
): Promise<EditedComment> {
  await articleRecordOf(store, slug);
  const tokenHash = await hashOf(token);
  const now = options.now();
  const found = await checked(store, slug, id, tokenHash);
  refuseClosedWindow(found, now);
  // The rules of posting, on the text alone: the pseudo and the email do not change.
  const text = body.normalize('NFC').trim();
  const problem = commentBodyProblem(text);
  if (problem) throw new Problem('validation', { body: messageFor(ruleMessagesFr, problem) });
  await refuseBanned(store.access, found.email);
  await refuseBannedWords(store.access, text);
  if (text === found.body) return edited(found);

  let seenByReaders = false;
  const changed = await store.write(slug, async (tx) => {
    // Again under the lock: a moderator may have decided, or the window closed, meanwhile.
    const comment = await checked(tx, slug, id, tokenHash);
    refuseClosedWindow(comment, now);
    // Readers may have read the earlier text once it was published: the comment then says "Modifié".
    const change = { body: text, ...(comment.publishedAt !== null || comment.status === 'published' ? { editedAt: now.toISOString() } : {}) };
    if (comment.status === 'published' && options.remoderateEdits) {
      seenByReaders = await setStatus(tx, comment, 'pending', comment.decisionReason, change);
    } else {
      await tx.updateComment(id, change);
      if (comment.status === 'published') {
        await recordDiscussionEvent(tx, 'edited', id);
        seenByReaders = true;
      }
    }
    return tx.comment(id);
  });
  if (!changed) throw new Problem('comment_not_found');
  if (seenByReaders) await store.signal.send({ kind: 'article', slug });
  await store.signal.send({ kind: 'queue', id, status: changed.status === 'published' ? 'published' : 'pending', moderator: null });
  return edited(changed);
}

/**
 * Deletes the comment for its author: its text goes, its status becomes 'rejected' (not
 * published, in no moderator's queue), and a placeholder stays while replies below it are
 * published.
 */
export async function deleteComment(store: Store, slug: string, id: string, token: string | null, { now }: Pick<AuthorChangeOptions, 'now'>) {
  await articleRecordOf(store, slug);
  const tokenHash = await hashOf(token);
  await checked(store, slug, id, tokenHash);
  const seenByReaders = await store.write(slug, async (tx) => {
    const comment = await checked(tx, slug, id, tokenHash);
    const deletion = { body: '', editedAt: null, deletedAt: now().toISOString() };
    const counted = await setStatus(tx, comment, 'rejected', comment.decisionReason, deletion);
    // A placeholder that stays changes its words only ("en attente" → "supprimé").
    if (!counted && comment.visible) await recordDiscussionEvent(tx, 'removed', id);
    return counted || comment.visible;
  });
  if (seenByReaders) await store.signal.send({ kind: 'article', slug });
  await store.signal.send({ kind: 'queue', id, status: 'deleted', moderator: null });
}
