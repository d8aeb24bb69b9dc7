import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { Ban } from '../../../../shared/moderation-contract';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { QueryFailure } from '../../../lib/query-failure';
import { bansQueryOptions, useLiftBan } from '../api/bans';
import { isSessionLost } from '../api/session';

interface PanelProps {
  labelledBy: string;
  panelId: string;
}

/** The "Bannis" tab: who is banned, why, by whom and when, and the way to lift each ban. */
export function BansPanel({ labelledBy, panelId }: PanelProps) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const bans = useQuery(bansQueryOptions());
  const lift = useLiftBan();
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLUListElement>(null);

  function onLift(ban: Ban, index: number) {
    if (lift.isPending) return;
    setAnnouncement('');
    lift.mutate(ban.id, {
      onSuccess: () => {
        setAnnouncement(words.bans.lifted(ban.author));
        // The ban leaves the list: the next one's button takes the focus, else the tab.
        requestAnimationFrame(() => {
          const buttons = list.current?.querySelectorAll<HTMLElement>('button') ?? [];
          (buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById(labelledBy))?.focus();
        });
      },
    });
  }

  return (
    <div role="tabpanel" id={panelId} aria-labelledby={labelledBy} aria-busy={bans.isPending || undefined}>
      <p role="status" className="moderation__status">
        {announcement}
      </p>
      {lift.isError && !isSessionLost(lift.error) && (
        <p role="alert" className="moderation__error">
          {errorMessage(t, lift.error, words.bans.liftFailed)}
        </p>
      )}
      {bans.isPending && <p className="loading">{words.bans.loading}</p>}
      {bans.isError && !isSessionLost(bans.error) && (
        <QueryFailure message={words.bans.loadFailed} onRetry={() => void bans.refetch()} />
      )}
      {bans.data &&
        (bans.data.length === 0 ? (
          <p>{words.bans.empty}</p>
        ) : (
          <ul ref={list} className="moderation-list">
            {bans.data.map((ban, index) => (
              <BanItem key={ban.id} ban={ban} busy={lift.isPending} onLift={() => onLift(ban, index)} />
            ))}
          </ul>
        ))}
    </div>
  );
}

function BanItem({ ban, busy, onLift }: { ban: Ban; busy: boolean; onLift: () => void }) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const id = useId();
  return (
    <li className="moderation-item">
      <article aria-labelledby={`${id}-author`}>
        <p className="comment__meta" id={`${id}-author`}>
          <strong className="comment__author" lang="fr">
            {ban.author}
          </strong>
        </p>
        <dl className="ban-details">
          <dt>{words.bans.email}</dt>
          <dd>{ban.email}</dd>
          <dt>{words.bans.reason}</dt>
          <dd lang="fr">{ban.reason}</dd>
          <dt>{words.bans.by}</dt>
          <dd>{ban.moderator}</dd>
          <dt>{words.bans.date}</dt>
          <dd>
            <time dateTime={ban.createdAt}>{t.dateTime(ban.createdAt)}</time>
          </dd>
        </dl>
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          aria-label={words.bans.liftLabel(ban.author)}
          onClick={() => busy || onLift()}
        >
          {words.bans.lift}
        </button>
      </article>
    </li>
  );
}
