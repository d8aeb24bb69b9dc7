import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { QueryFailure } from '../../../lib/query-failure';
import { moderationKeys } from '../api/keys';
import { useQueueEventStream } from '../api/moderation-events';
import { sessionQueryKey, sessionQueryOptions } from '../api/session';
import { ModerationSessionContext, type KeptDecision, type ModerationSession } from '../lib/moderation-session';
import { QueueFeedContext } from '../lib/queue-feed';
import { useSessionLoss } from '../lib/use-session-loss';
import { ModerationTabs } from './moderation-tabs';
import { SessionBar } from './session-bar';
import { SignInForm } from './sign-in-form';

/**
 * The moderation tool behind its sign-in. When the session runs out mid-work, the sign-in form
 * comes back and the tool stays mounted, hidden, with everything typed in it and the decision
 * the server refused; both are there again, and the decision applied, once signed in.
 */
export function ModerationGate() {
  const words = useModerationCatalogue();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueryOptions());
  const moderator = session.data ?? null;
  const [signIns, setSignIns] = useState(0);
  const [kept, setKept] = useState<KeptDecision | null>(null);
  // The session ran out while the tool was open (rather than: nobody had signed in yet).
  const [lost, setLost] = useState(false);
  // Whether the tool has been shown since the last sign-out: it then stays mounted when hidden.
  const [toolOpen, setToolOpen] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const tool = useRef<HTMLDivElement>(null);
  // A sign-in is the session going from nobody to someone (not its first answer, on arrival).
  // Seen here rather than in the form's callback: the form is gone as soon as the session is set.
  const [shown, setShown] = useState(session.data);
  if (session.data !== shown) {
    setShown(session.data);
    if (shown === null && moderator) {
      setSignIns((count) => count + 1);
      setLost(false);
    }
  }
  if (moderator && !toolOpen) setToolOpen(true);
  // The queues live while the tool is shown: closed on sign-out, or when the session runs out.
  const live = useQueueEventStream(moderator !== null && toolOpen);

  useSessionLoss(() => {
    setLost(true);
    queryClient.setQueryData(sessionQueryKey, null);
  });

  // After signing in, the keyboard starts from the current tab (a kept decision, once applied,
  // then moves it to the next comment, as any decision does).
  useEffect(() => {
    if (signIns === 0) return;
    tool.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [signIns]);

  // What the moderator saw (emails included) does not stay in memory once they have signed out;
  // removed once the tool is closed, as queries still watched would be asked for again.
  useEffect(() => {
    if (signedOut && !toolOpen) queryClient.removeQueries({ queryKey: moderationKeys.all });
  }, [signedOut, toolOpen, queryClient]);

  const keep = useCallback((decision: Omit<KeptDecision, 'signIns'>) => setKept({ ...decision, signIns }), [signIns]);
  const release = useCallback(() => setKept(null), []);
  const context = useMemo<ModerationSession>(() => ({ signIns, kept, keep, release }), [signIns, kept, keep, release]);

  if (session.isPending) return <p className="loading">{words.signIn.checking}</p>;
  if (session.isError) return <QueryFailure message={words.signIn.checkFailed} onRetry={() => void session.refetch()} />;

  const note =
    !lost ? null
    : kept ? words.signIn.expiredWithDecision(words.decisions[kept.decision], kept.comment.author)
    : words.signIn.expired;

  return (
    <ModerationSessionContext.Provider value={context}>
      {moderator ? (
        <SessionBar
          name={moderator.name}
          onSignedOut={() => {
            queryClient.setQueryData(sessionQueryKey, null);
            setToolOpen(false);
            setKept(null);
            setLost(false);
            setSignedOut(true);
          }}
        />
      ) : (
        <SignInForm note={note} focusOnMount={lost || signedOut} />
      )}
      {toolOpen && (
        <div ref={tool} hidden={!moderator}>
          {/* Always there while the tool is, so that a cut is heard when it comes. */}
          <p role="status" className="moderation__live">
            {live.lost ? words.liveLost : ''}
          </p>
          <QueueFeedContext.Provider value={live.feed}>
            <ModerationTabs />
          </QueueFeedContext.Provider>
        </div>
      )}
    </ModerationSessionContext.Provider>
  );
}
