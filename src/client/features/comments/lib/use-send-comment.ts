import { useEffect, useRef, useState } from 'react';
import { commentProblems, normaliseComment, type CommentDraft } from '../../../../shared/comment-rules';
import { ApiError } from '../../../api/http-client';
import { useIsSendingFrom, useIsWaitingFrom, usePostComment } from '../api/post-comment';
import { readDraft } from './draft-store';
import { serverFieldErrors, type FieldErrors } from './field-errors';
import { rememberIdentity } from './remembered-identity';
import { sendKeyFor } from './send-keys';

/**
 * After this long without an answer the form says the server is slow (the send goes on). Only a
 * request really on its way counts: a send waiting for the connection is said to be offline.
 */
export const SLOW_SEND_NOTICE_MS = 3_000;

/** What sending needs of the form's draft (see useCommentDraft). */
interface SentDraft {
  values: CommentDraft;
  markSent: (sentBody: string) => void;
  discard: () => void;
}

interface SendCommentOptions {
  articleSlug: string;
  /** The comment answered, or null for a comment on the article. */
  parentId: string | null;
  /** The key of the draft the comment is written in. */
  draftKey: string;
  draft: SentDraft;
  /** Given what the rules (before sending) or the server (after) found wrong; empty when nothing. */
  onFieldErrors: (errors: FieldErrors) => void;
}

// Refused fields are shown on the fields themselves, not as a failure of the send: the rules'
// (400 `validation`) and the moderators' banned words (422 `banned_words`, on the text).
const FIELD_CODES: readonly string[] = ['validation', 'banned_words'];
const isRefusedFields = (error: Error): error is ApiError =>
  error instanceof ApiError && FIELD_CODES.includes(error.code) && Object.keys(error.fields).length > 0;

/**
 * Sending one form's comment: checked by the rules first, sent at most once at a time (even
 * with a send from this draft by a form since closed still on its way), retried where the last
 * attempt went, and said to be slow when the server takes its time.
 */
export function useSendComment({ articleSlug, parentId, draftKey: key, draft, onFieldErrors }: SendCommentOptions) {
  const [sent, setSent] = useState(false);
  const [slow, setSlow] = useState(false);
  const inFlight = useRef(false);
  // Where the last attempt went: "Réessayer" after posting a reply on the article goes there too.
  const lastTarget = useRef(parentId);
  const postComment = usePostComment(articleSlug, key);
  // A send from this draft by a form closed since is still on its way: this one waits for it.
  const sendingElsewhere = useIsSendingFrom(key) && !postComment.isPending;
  const sending = postComment.isPending || sendingElsewhere;
  // Offline (before or during the send): paused by TanStack Query until the connection is back.
  const waiting = useIsWaitingFrom(key) && sending;

  useEffect(() => {
    if (!sending || waiting) return;
    const timer = setTimeout(() => setSlow(true), SLOW_SEND_NOTICE_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [sending, waiting]);

  // When the send made by a closed form ends: if it cleared the draft, the comment is stored.
  const { discard } = draft;
  useEffect(() => {
    if (!sendingElsewhere) return;
    return () => {
      const read = readDraft(key);
      if (read.ok && read.draft === null) {
        discard();
        setSent(true);
      }
    };
  }, [sendingElsewhere, key, discard]);

  function send(target: string | null = parentId) {
    // A ref, not isPending: two clicks within one frame both see the state of the last render.
    if (inFlight.current || sendingElsewhere) return;
    lastTarget.current = target;
    const { values } = draft;
    const found = commentProblems(values);
    onFieldErrors(found);
    setSent(false);
    if (Object.keys(found).length > 0) return;
    const sentBody = values.body;
    const comment = { ...normaliseComment(values), parentId: target };
    inFlight.current = true;
    postComment.mutate(
      // The same comment keeps its key across retries and reloads; another text gets a new one.
      { comment, idempotencyKey: sendKeyFor(key, comment), draftKey: key },
      {
        onSuccess: () => {
          rememberIdentity({ author: comment.author, email: comment.email });
          draft.markSent(sentBody);
          setSent(true);
        },
        onSettled: () => {
          inFlight.current = false;
        },
        onError: (error) => {
          if (isRefusedFields(error)) onFieldErrors(serverFieldErrors(error.fields, values, error.code));
        },
      },
    );
  }

  const failure = postComment.error;
  return {
    /** Sends the comment (by default where the form is: a reply, or on the article). */
    send,
    retry: () => send(lastTarget.current),
    sending,
    /** The comment waits for the connection to come back, and will be sent then. */
    waiting,
    /** The server has taken longer than SLOW_SEND_NOTICE_MS so far. */
    slow,
    /** The last send was stored ("Merci pour votre commentaire"). */
    sent,
    /** Why the last send failed, unless for refused fields. */
    failure: failure !== null && !isRefusedFields(failure) ? failure : null,
  };
}
