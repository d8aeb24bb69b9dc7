import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CommentDraft, CommentField } from '../../../../shared/comment-rules';
import { useReadOnce } from '../../../lib/hydration';
import { randomId } from '../../../lib/random-id';
import { onDraftChangedElsewhere, readDraft, takeStorageProblemNotice, writeDraft, type Draft } from './draft-store';
import { loadIdentity } from './remembered-identity';

/** Saving waits for a pause in typing: a storage write per keystroke would be wasted work. */
export const DRAFT_SAVE_DELAY_MS = 400;

// One id per page load: tells this tab's writes from another tab's.
const TAB_ID = randomId();

interface DraftState {
  values: CommentDraft;
  /** The form opened on a saved draft ("Brouillon restauré"). */
  restored: boolean;
  /** Storage refused or broken: shown once a page, by the first form that meets it. */
  storageProblem: boolean;
}

function initialState(key: string, form: string): DraftState {
  const read = readDraft(key);
  const draft = read.ok ? read.draft : null;
  return {
    values: draft ? { author: draft.author, email: draft.email, body: draft.body } : { ...loadIdentity(), body: '' },
    restored: draft !== null && draft.body.trim() !== '',
    storageProblem: takeStorageProblemNotice(!read.ok, form),
  };
}

/** What the server renders, and the form shows while it hydrates: no draft, no identity. */
const BLANK: DraftState = { values: { author: '', email: '', body: '' }, restored: false, storageProblem: false };

/**
 * The values of one comment form, saved as a draft under `key` as the reader types and
 * restored when the form comes back. Another tab writing the same draft is reported, never
 * applied silently: the newest save wins in storage, and this tab keeps what it shows.
 */
export function useCommentDraft(key: string, refused?: CommentDraft) {
  const form = useId();
  // The draft and the remembered identity are this browser's: a form the server rendered gets
  // them once hydrated, a form opened here at once. A form the server sent back refused (posted
  // without JavaScript) shows what was typed, on both sides, and keeps it.
  const [refusedState] = useState<DraftState | null>(() => (refused ? { ...BLANK, values: { ...refused } } : null));
  // Typed into the server's HTML before this code ran (see keepTypedBeforeHydration): it wins.
  const typedEarly = useRef<Partial<CommentDraft>>({});
  const start = useReadOnce(() => {
    const found = refusedState ?? initialState(key, form);
    return { ...found, values: { ...found.values, ...typedEarly.current } };
  }, refusedState ?? BLANK);
  const [state, setState] = useState(start);
  if (state === BLANK && start !== BLANK) setState(start);
  const [otherTabDraft, setOtherTabDraft] = useState<Draft | null>(null);
  const latest = useRef(state.values);
  // replaceValues sets `latest` before it renders; a draft restored once hydrated reaches it here.
  useLayoutEffect(() => {
    latest.current = state.values;
  }, [state.values]);
  const unsaved = useRef<CommentDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const values = unsaved.current;
    if (!values) return;
    unsaved.current = null;
    const stored =
      values.body.trim() === ''
        ? writeDraft(key, null)
        : writeDraft(key, { ...values, savedAt: Date.now(), tabId: TAB_ID });
    if (!stored && takeStorageProblemNotice(true, form)) setState((previous) => ({ ...previous, storageProblem: true }));
  }, [key, form]);

  const replaceValues = useCallback(
    (values: CommentDraft, saveNow = false) => {
      latest.current = values;
      unsaved.current = values;
      setState((previous) => ({ ...previous, values }));
      clearTimeout(timer.current);
      if (saveNow) flush();
      else timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  const setField = useCallback(
    (field: CommentField, value: string) => replaceValues({ ...latest.current, [field]: value }),
    [replaceValues],
  );

  /** The server has the comment whose text was `sentBody`: clear it, unless the reader typed on. */
  const markSent = useCallback(
    (sentBody: string) => {
      const current = latest.current;
      replaceValues(current.body === sentBody ? { ...current, body: '' } : current, true);
      setState((previous) => ({ ...previous, restored: false }));
    },
    [replaceValues],
  );

  const discard = useCallback(() => replaceValues({ ...latest.current, body: '' }, true), [replaceValues]);

  const takeOtherTabDraft = useCallback(() => {
    if (otherTabDraft) replaceValues({ author: otherTabDraft.author, email: otherTabDraft.email, body: otherTabDraft.body });
    setOtherTabDraft(null);
  }, [otherTabDraft, replaceValues]);

  const ignoreOtherTabDraft = useCallback(() => setOtherTabDraft(null), []);

  // Whatever is typed and not yet saved is saved when the form closes or the page goes away.
  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  useEffect(
    () =>
      onDraftChangedElsewhere(key, (draft) => {
        if (draft && draft.tabId !== TAB_ID && draft.body !== latest.current.body) setOtherTabDraft(draft);
      }),
    [key],
  );

  /**
   * What the reader typed into the form as the server rendered it, before it hydrated: called
   * once hydrated, before the draft and the remembered identity are read, which it overrides.
   */
  const keepTypedBeforeHydration = useCallback((typed: Partial<CommentDraft>) => {
    typedEarly.current = typed;
  }, []);
  // …and saved as a draft like anything typed, once it is in the form's values.
  useEffect(() => {
    if (Object.keys(typedEarly.current).length === 0 || start === BLANK) return;
    typedEarly.current = {};
    replaceValues(start.values);
  }, [start, replaceValues]);

  return {
    keepTypedBeforeHydration,
    values: state.values,
    restored: state.restored,
    storageProblem: state.storageProblem,
    otherTabDraft,
    setField,
    markSent,
    discard,
    takeOtherTabDraft,
    ignoreOtherTabDraft,
  };
}
