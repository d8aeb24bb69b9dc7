import { useId, useState } from 'react';
import { REPORT_REASONS, type ModerationComment, type ModerationDecision, type ModerationQueue } from '../../../api/contract';
import { formatParisDateTime } from '../../../lib/format-paris-date';
import { REPORT_REASON_LABELS } from '../../../lib/report-reason-labels';
import { Link } from '../../../lib/router';

/** The decisions each queue offers, in the order of their buttons. */
export const DECISIONS: Record<ModerationQueue, readonly ModerationDecision[]> = {
  pending: ['approve', 'reject'],
  reported: ['keep', 'reject'],
  published: ['reject'],
  rejected: ['approve'],
};

export const DECISION_LABELS: Record<ModerationDecision, string> = {
  approve: 'Approuver',
  reject: 'Rejeter',
  keep: 'Conserver',
};

interface ModerationItemProps {
  comment: ModerationComment;
  queue: ModerationQueue;
  busy: boolean;
  onDecide: (comment: ModerationComment, decision: ModerationDecision, reason: string) => void;
}

/** A comment in its context (article, comment answered, reports) and the decisions on it. */
export function ModerationItem({ comment, queue, busy, onDecide }: ModerationItemProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const reported = REPORT_REASONS.filter((key) => comment.openReports[key] > 0);
  return (
    <li className="moderation-item" data-comment-id={comment.id}>
      <article aria-labelledby={`${id}-label`} tabIndex={-1}>
        <p className="moderation-item__context">
          Sur <Link href={`/articles/${comment.articleSlug}`}>{comment.articleTitle}</Link>
        </p>
        {comment.parent && (
          <blockquote className="moderation-item__parent">
            <p>
              En réponse à <strong>{comment.parent.author}</strong> :
            </p>
            <p className="moderation-item__parent-text">{comment.parent.body}</p>
          </blockquote>
        )}
        <p className="comment__meta" id={`${id}-label`}>
          <strong className="comment__author">{comment.author}</strong> a écrit le{' '}
          <time dateTime={comment.createdAt}>{formatParisDateTime(comment.createdAt)}</time> :
        </p>
        <div className="comment__body" lang="fr">
          {comment.body}
        </div>
        {reported.length > 0 && (
          <div className="moderation-item__reports">
            <p>Signalements :</p>
            <ul>
              {reported.map((key) => (
                <li key={key}>
                  {REPORT_REASON_LABELS[key]} : {comment.openReports[key]}
                </li>
              ))}
            </ul>
            {comment.reportDetails.map((details) => (
              <blockquote key={details} className="moderation-item__report-details">
                {details}
              </blockquote>
            ))}
          </div>
        )}
        {comment.decisionReason && <p className="moderation-item__reason">Motif : {comment.decisionReason}</p>}
        <div className="form-field moderation-item__reason-field">
          <label htmlFor={`${id}-reason`}>Motif (facultatif)</label>
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
              {DECISION_LABELS[decision]}
            </button>
          ))}
        </div>
      </article>
    </li>
  );
}
