import { useQuery } from '@tanstack/react-query';
import { useId, useRef, type KeyboardEvent } from 'react';
import { MODERATION_QUEUES, type ModerationQueue } from '../../../../shared/moderation-contract';
import type { ModerationTabName } from '../../../lib/i18n/fr-moderation';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { navigate, useSearchParam } from '../../../lib/router';
import { moderationQueueQueryOptions } from '../api/moderation-queue';
import { BansPanel } from './bans-panel';
import { formatQueueCount, ModerationQueuePanel } from './moderation-queue';
import { WordListsPanel } from './word-lists-panel';

/** The queues, then the tools that are not a queue: the banned authors and the word lists. */
const TABS: readonly ModerationTabName[] = [...MODERATION_QUEUES, 'bans', 'words'];

// In the URL, so that a reload or a shared link opens the same tab.
const TAB_PARAMS: Record<ModerationTabName, string> = {
  pending: 'en-attente',
  reported: 'signales',
  published: 'approuves',
  rejected: 'rejetes',
  bans: 'bannis',
  words: 'mots',
};

const isQueue = (tab: ModerationTabName): tab is ModerationQueue => (MODERATION_QUEUES as readonly string[]).includes(tab);

function tabFromParam(param: string | null): ModerationTabName {
  return TABS.find((tab) => TAB_PARAMS[tab] === param) ?? 'pending';
}

/** The queues and the tools as tabs (WAI-ARIA tabs: arrows move between them), the queues with their counts. */
export function ModerationTabs() {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const id = useId();
  const current = tabFromParam(useSearchParam('onglet'));
  // Every list response carries the four counts: the current queue's answer (or, on another
  // tab, the first queue's) labels all the queues' tabs.
  const counts = useQuery(moderationQueueQueryOptions(isQueue(current) ? current : 'pending')).data?.counts;
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  function select(tab: ModerationTabName, focus = false) {
    navigate(`/moderation?onglet=${TAB_PARAMS[tab]}`, { replace: true });
    if (focus) tabs.current[tab]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(current);
    const last = TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index + last) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const tab = TABS[next];
    if (tab) select(tab, true);
  }

  const panel = { labelledBy: `${id}-tab-${current}`, panelId: `${id}-panel` };

  return (
    <>
      <div role="tablist" aria-label={words.tabList} className="moderation-tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab === current ? 0 : -1}
            className="moderation-tabs__tab"
            onClick={() => select(tab)}
          >
            {words.tabs[tab]}
            {isQueue(tab) && formatQueueCount(counts?.[tab], t.number)}
          </button>
        ))}
      </div>
      {current === 'bans' ? (
        <BansPanel {...panel} />
      ) : current === 'words' ? (
        <WordListsPanel {...panel} />
      ) : (
        <ModerationQueuePanel key={current} queue={current} {...panel} />
      )}
    </>
  );
}
