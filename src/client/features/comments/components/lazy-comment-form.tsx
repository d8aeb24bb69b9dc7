import { lazy, Suspense, useMemo, useState, type ComponentProps } from 'react';
import { useHydrated } from '../../../lib/hydration';
import { PartFailure } from '../../../lib/part-failure';
import { renderedPageData } from '../../../lib/rendered-page';
import { useServerRender } from '../../../lib/server-render';
import { draftKey, hasSomethingToRestore } from '../lib/form-storage-keys';

// The comment form (drafts, validation, counter, failure handling) is a chunk of its own, which
// the article page does not fetch until a reader needs it (docs/decisions/005-first-bundle.md).
const loadCommentForm = () => import('./comment-form').then((module) => ({ default: module.CommentForm }));
const CommentForm = lazy(loadCommentForm);

const REACHING_FOR_A_FORM = ['focusin', 'pointerdown'] as const;
/** Server-rendered forms waiting for the reader, until the first is reached for. */
let waiting = 0;
let reached = false;

/**
 * Whether a form the server rendered still waits to hydrate. Changing what it depends on (the
 * language) before it has would make React render it again from scratch, throwing its HTML away:
 * the language switch reloads the page instead (the server renders it in the new language).
 */
export const serverFormsWaiting = (): boolean => waiting > 0 && !reached;

/**
 * Settles when the reader first reaches for a comment form the server rendered: focuses it (by
 * keyboard or by tapping a field) or presses in it.
 */
function readerReachesForAForm(): Promise<void> {
  return new Promise((resolve) => {
    const onEvent = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('.comment-form')) return;
      for (const type of REACHING_FOR_A_FORM) document.removeEventListener(type, onEvent, true);
      reached = true;
      resolve();
    };
    for (const type of REACHING_FOR_A_FORM) document.addEventListener(type, onEvent, true);
  });
}

/**
 * The form as a page the server rendered hydrates it: not before the reader reaches for it.
 * Until then React keeps the server's HTML in place (a suspended boundary), a plain form that
 * already takes typing (kept when it hydrates, see CommentForm) and posts by itself.
 */
// If its code cannot be fetched, the server's form simply stays: it posts without JavaScript.
const CommentFormWhenReachedFor = lazy(() => readerReachesForAForm().then(loadCommentForm).catch(() => new Promise<never>(() => {})));

export function LazyCommentForm({ placeholderClass, ...formProps }: ComponentProps<typeof CommentForm> & { placeholderClass?: string }) {
  const { articleSlug, parentId, label, labelledBy, focusOnMount, onCancel } = formProps;
  const hydrated = useHydrated();
  const server = useServerRender();
  // Chosen once, when the form first renders: hydrating, it waits, unless it must run at once
  // (a form the address opened, which takes the focus; one sent back refused; a draft or an
  // identity to restore). On
  // the server, and for a form opened in the browser, there is nothing to wait for.
  const [Form] = useState(() => {
    // A form sent back refused holds text React would put back over edits made before it hydrates.
    const refused = renderedPageData()?.refusedForm?.parentId === parentId;
    if (hydrated || server || focusOnMount || refused || hasSomethingToRestore(draftKey(articleSlug, parentId))) return CommentForm;
    waiting += 1;
    return CommentFormWhenReachedFor;
  });
  // The same element while the props are the same: a boundary still waiting to hydrate that is
  // given new props is rendered again from scratch, which would throw the server's HTML away.
  return useMemo(
    () => (
      <PartFailure>
        <Suspense fallback={<div className={placeholderClass ?? 'comment-form comment-form--loading'} aria-busy="true" />}>
          <Form articleSlug={articleSlug} parentId={parentId} label={label} labelledBy={labelledBy} focusOnMount={focusOnMount} onCancel={onCancel} />
        </Suspense>
      </PartFailure>
    ),
    [Form, placeholderClass, articleSlug, parentId, label, labelledBy, focusOnMount, onCancel],
  );
}
