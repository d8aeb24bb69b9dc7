import type { ReportReason } from '../api/contract';

/** The reasons as readers choose them, and as moderators read them: the same words. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  abusive: 'injurieux ou haineux',
  spam: 'spam ou publicité',
  'off-topic': 'hors sujet',
  other: 'autre',
};
