// Drafts of comments, saved in localStorage so that a reload, a crashed tab or a closed reply
// form loses nothing. One draft per article and per comment answered. When storage is refused,
// full or holds garbage, the app carries on without drafts and says so once per page.

export interface Draft {
  author: string;
  email: string;
  body: string;
  /** When it was saved (ms since epoch): the newest draft wins between tabs. */
  savedAt: number;
  /** Which tab saved it, so that a tab can tell its own writes from another tab's. */
  tabId: string;
}


/** The form that shows the notice: one a page. */
let problemShownBy: string | null = null;

/**
 * True when storage failed and `form` (an id) is the first to meet it, or the form that did
 * (asking twice, as a render may, changes nothing); false for every other form.
 */
export function takeStorageProblemNotice(failed: boolean, form: string): boolean {
  if (!failed || (problemShownBy ?? form) !== form) return false;
  problemShownBy = form;
  return true;
}

/** For tests: forget that the notice was shown. */
export function resetStorageProblemNotice(): void {
  problemShownBy = null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.author === 'string' &&
    typeof draft.email === 'string' &&
    typeof draft.body === 'string' &&
    typeof draft.savedAt === 'number' &&
    typeof draft.tabId === 'string'
  );
}

export type ReadResult = { ok: true; draft: Draft | null } | { ok: false };

export function parseDraft(raw: string | null): Draft | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function readDraft(key: string): ReadResult {
  const store = storage();
  if (!store) return { ok: false };
  try {
    const raw = store.getItem(key);
    const draft = parseDraft(raw);
    // Garbage under our key (an old format, another script): dropped, not trusted.
    if (raw !== null && draft === null) store.removeItem(key);
    return { ok: true, draft };
  } catch {
    return { ok: false };
  }
}

/** Saves or, for an empty draft, removes; false when storage refused. */
export function writeDraft(key: string, draft: Draft | null): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (draft === null) store.removeItem(key);
    else store.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Calls back when another tab changes this draft (the storage event fires in other tabs only). */
export function onDraftChangedElsewhere(key: string, callback: (draft: Draft | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === key) callback(parseDraft(event.newValue));
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/**
 * Removes the draft once the server has the comment made from it, even if the form that sent
 * it has closed meanwhile; a draft edited since (another text) is kept.
 */
export function clearDraftIfSent(key: string, sentBody: string): void {
  const read = readDraft(key);
  if (read.ok && read.draft && read.draft.body.normalize('NFC').trim() === sentBody) writeDraft(key, null);
}
