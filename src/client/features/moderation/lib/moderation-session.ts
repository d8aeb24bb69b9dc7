import { createContext, useContext } from 'react';
import type { ModerationComment, ModerationDecision } from '../../../../shared/moderation-contract';

/** A decision the server refused for want of a session: applied once the moderator is back. */
export interface KeptDecision {
  comment: ModerationComment;
  decision: ModerationDecision;
  reason: string;
  /** How many sign-ins the page had seen when it was refused (see ModerationSession.signIns). */
  signIns: number;
}

export interface ModerationSession {
  /**
   * Successful sign-ins in this page. A decision kept under sign-in n is applied once n + 1
   * has come, not before: the queue may learn of its 401 before the page hides it.
   */
  signIns: number;
  kept: KeptDecision | null;
  keep: (decision: Omit<KeptDecision, 'signIns'>) => void;
  /** Takes the kept decision out, to apply it. */
  release: () => void;
}

const NO_SESSION: ModerationSession = { signIns: 0, kept: null, keep: () => {}, release: () => {} };

export const ModerationSessionContext = createContext<ModerationSession>(NO_SESSION);

export const useModerationSession = () => useContext(ModerationSessionContext);
