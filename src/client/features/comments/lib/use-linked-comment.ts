import { useEffect, useRef } from 'react';
import { commentAnchor, commentOfHash } from '../../../../shared/page-address';

export const linkedCommentId = (): string | null => commentOfHash(window.location.hash);

/**
 * Opening `#commentaire-<id>`: once the comments are rendered (`ready`), the comment is scrolled
 * to, focused and marked (`aria-current`, styled) until the reader clicks or types. When it is
 * not on the page (a later page, a deep reply), `onMissing` gets its id.
 */
export function useLinkedComment(ready: boolean, onMissing?: (id: string) => void) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready) return;
    // Only one comment is marked at a time; leaving the view unmarks it.
    let unmark = () => {};
    const showLinked = () => {
      const id = linkedCommentId();
      if (!id) return;
      const article = document.getElementById(commentAnchor(id))?.querySelector('article');
      if (!article) {
        onMissing?.(id);
        return;
      }
      unmark();
      unmark = markUntilTheReaderMovesOn(article);
    };
    if (!done.current) {
      done.current = true;
      showLinked();
    }
    // A permalink followed within the page changes only the hash.
    window.addEventListener('hashchange', showLinked);
    return () => {
      window.removeEventListener('hashchange', showLinked);
      unmark();
    };
  }, [ready, onMissing]);
}

/** Marks, scrolls to and focuses the comment; returns how to unmark it before the reader does. */
function markUntilTheReaderMovesOn(article: HTMLElement): () => void {
  article.setAttribute('aria-current', 'true');
  article.scrollIntoView({ block: 'start' });
  article.focus({ preventScroll: true });
  const moveOn = () => {
    article.removeAttribute('aria-current');
    window.removeEventListener('pointerdown', moveOn);
    window.removeEventListener('keydown', moveOn);
  };
  window.addEventListener('pointerdown', moveOn);
  window.addEventListener('keydown', moveOn);
  return moveOn;
}
