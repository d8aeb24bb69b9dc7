// Where a comment form keeps what it restores: its draft (one a form, named by its article and
// the comment it answers) and the reader's remembered pseudo and email. Apart from the modules
// that read them, so that the page can tell a form has something to restore without carrying
// their code (lazy-comment-form.tsx).

const DRAFT_PREFIX = 'reagir:draft:';

export const draftKey = (articleSlug: string, parentId: string | null) =>
  `${DRAFT_PREFIX}${articleSlug}:${parentId ?? 'article'}`;

export const IDENTITY_KEY = 'reagir:identity';

/** Whether the form with this draft key opens on something saved (false when storage is refused). */
export function hasSomethingToRestore(key: string): boolean {
  try {
    return window.localStorage.getItem(key) !== null || window.localStorage.getItem(IDENTITY_KEY) !== null;
  } catch {
    return false;
  }
}
