import { lazy, Suspense, type ComponentProps } from 'react';

const loadCommentForm = () => import('./comment-form');
const CommentForm = lazy(() => loadCommentForm().then((module) => ({ default: module.CommentForm })));

/**
 * The comment form (with its drafts, validation and failure handling) is a chunk of its own:
 * the page shows the article and the first comments without it, then fetches it at once, so it
 * is there long before anyone has read down to "Réagir" or pressed "Répondre".
 */
export function preloadCommentForm(): void {
  void loadCommentForm();
}

export function LazyCommentForm(props: ComponentProps<typeof CommentForm> & { placeholderClass?: string }) {
  const { placeholderClass, ...formProps } = props;
  return (
    <Suspense fallback={<div className={placeholderClass ?? 'comment-form comment-form--loading'} aria-busy="true" />}>
      <CommentForm {...formProps} />
    </Suspense>
  );
}
