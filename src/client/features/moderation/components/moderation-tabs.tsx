import { useQuery } from '@tanstack/react-query';
import { useId, useRef, type KeyboardEvent } from 'react';
import { MODERATION_QUEUES, type ModerationQueue } from '../../../../shared/contract';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';
import { navigate, useSearchParam } from '../../../lib/router';
import { moderationQueueQueryOptions } from '../api/moderation-queue';
import { formatQueueCount, ModerationQueuePanel } from './moderation-queue';

// In the URL, so that a reload or a shared link opens the same queue.
const TAB_PARAMS: Record<ModerationQueue, string> = {
  pending: 'en-attente',
  reported: 'signales',
  published: 'approuves',
  rejected: 'rejetes',
};

function queueFromParam(param: string | null): ModerationQueue {
  return MODERATION_QUEUES.find((queue) => TAB_PARAMS[queue] === param) ?? 'pending';
}

/** The four queues as tabs (WAI-ARIA tabs: arrows move between them), each with its count. */
export function ModerationTabs() {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  const id = useId();
  const current = queueFromParam(useSearchParam('onglet'));
  // Every list response carries the four counts: the current queue's answer labels all tabs.
  const counts = useQuery(moderationQueueQueryOptions(current)).data?.counts;
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  function select(queue: ModerationQueue, focus = false) {
    navigate(`/moderation?onglet=${TAB_PARAMS[queue]}`, { replace: true });
    if (focus) tabs.current[queue]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = MODERATION_QUEUES.indexOf(current);
    const last = MODERATION_QUEUES.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % MODERATION_QUEUES.length
      : event.key === 'ArrowLeft' ? (index + last) % MODERATION_QUEUES.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const queue = MODERATION_QUEUES[next];
    if (queue) select(queue, true);
  }

  return (
    <>
      <div role="tablist" aria-label={words.moderation.queues} className="moderation-tabs" onKeyDown={onKeyDown}>
        {MODERATION_QUEUES.map((queue) => (
          <button
            key={queue}
            ref={(element) => {
              tabs.current[queue] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${queue}`}
            aria-selected={queue === current}
            aria-controls={`${id}-panel`}
            tabIndex={queue === current ? 0 : -1}
            className="moderation-tabs__tab"
            onClick={() => select(queue)}
          >
            {words.moderation.tabs[queue]}
            {formatQueueCount(counts?.[queue], t.number)}
          </button>
        ))}
      </div>
      <ModerationQueuePanel key={current} queue={current} labelledBy={`${id}-tab-${current}`} panelId={`${id}-panel`} />
    </>
  );
}
