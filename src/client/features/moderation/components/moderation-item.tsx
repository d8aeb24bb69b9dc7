import { useId, useState } from 'react';
import { REPORT_REASONS } from '../../../../shared/contract';
import type { ModerationComment, ModerationDecision, ModerationQueue } from '../../../../shared/moderation-contract';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { Link } from '../../../lib/router';
import { BanAuthor } from './ban-author';
import { SuspectText } from './suspect-text';

/** The decisions each queue offers, in the order of their buttons. */
export const DECISIONS: Record<ModerationQueue, readonly ModerationDecision[]> = {
  pending: ['approve', 'reject'],
  reported: ['keep', 'reject'],
  published: ['reject'],
  rejected: ['approve'],
};

/** The single keys that take each decision on the focused comment, whatever the language. */
export const DECISION_KEYS: Record<ModerationDecision, string> = { approve: 'a', reject: 'r', keep: 'c' };

interface ModerationItemProps {
  comment: ModerationComment;
  queue: ModerationQueue;
  busy: boolean;
  /** Another moderator decided on it while it was shown: a note takes the place of the decisions. */
  decidedElsewhere?: boolean;
  onDecide: (comment: ModerationComment, decision: ModerationDecision, reason: string) => void;
  onBanned: () => void;
}

/** A comment in its context (article, comment answered, reports) and the decisions on it. */
export function ModerationItem({ comment, queue, busy, decidedElsewhere = false, onDecide, onBanned }: ModerationItemProps) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const { reportReasons } = useDeferredCatalogue();
  const id = useId();
  const [reason, setReason] = useState('');
  const reported = REPORT_REASONS.filter((key) => comment.openReports[key] > 0);
  return (
    <li className="moderation-item" data-comment-id={comment.id}>
      <article aria-labelledby={`${id}-label`} tabIndex={-1}>
        <p className="moderation-item__context">
          {words.on}
          <Link href={`/articles/${comment.articleSlug}`} lang="fr">
            {comment.articleTitle}
          </Link>
        </p>
        {comment.parent && (
          <blockquote className="moderation-item__parent">
            <p>
              {words.inReplyTo.before}
              <strong lang="fr">{comment.parent.author}</strong>
              {words.inReplyTo.after}
            </p>
            <p className="moderation-item__parent-text" lang="fr">
              {comment.parent.body}
            </p>
          </blockquote>
        )}
        <p className="comment__meta" id={`${id}-label`}>
          {t.comments.byline.before}
          <strong className="comment__author" lang="fr">
            {comment.author}
          </strong>
          {t.comments.byline.between}
          <time dateTime={comment.createdAt}>{t.dateTime(comment.createdAt)}</time>
          {t.comments.byline.after}
        </p>
        <p className="moderation-item__email">
          {t.colon(words.email)} {comment.email}
        </p>
        {comment.suspectWords.length > 0 && <p className="moderation-item__suspect">{words.suspect}</p>}
        <div className="comment__body" lang="fr">
          <SuspectText text={comment.body} ranges={comment.suspectWords} />
        </div>
        {reported.length > 0 && (
          <div className="moderation-item__reports">
            <p>{t.colon(words.reports)}</p>
            <ul>
              {reported.map((key) => (
                <li key={key}>
                  {t.colon(reportReasons[key])} {comment.openReports[key]}
                </li>
              ))}
            </ul>
            {comment.reportDetails.map((details, index) => (
              // Two readers may write the same words: the position tells them apart.
              <blockquote key={index} className="moderation-item__report-details">
                {details}
              </blockquote>
            ))}
          </div>
        )}
        {comment.decisionReason && <p className="moderation-item__reason">
            {t.colon(words.reason)} {comment.decisionReason}
          </p>}
        {decidedElsewhere ? (
          <p className="moderation-item__elsewhere">{words.decidedElsewhere}</p>
        ) : (
          <>
            <div className="form-field moderation-item__reason-field">
              <label htmlFor={`${id}-reason`}>{words.reasonField}</label>
              <input id={`${id}-reason`} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
            </div>
            <div className="moderation-item__actions">
              {DECISIONS[queue].map((decision) => (
                <button
                  key={decision}
                  type="button"
                  data-decision={decision}
                  className={`button ${decision === 'reject' ? 'button--danger' : 'button--primary'}`}
                  aria-disabled={busy || undefined}
                  onClick={() => busy || onDecide(comment, decision, reason)}
                >
                  {words.decisions[decision]}
                </button>
              ))}
            </div>
            <BanAuthor comment={comment} onBanned={onBanned} />
          </>
        )}
      </article>
    </li>
  );
}
