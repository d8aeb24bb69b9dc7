import { commentAnchor } from '../../../../shared/page-address';

/**
 * Moves the focus to a comment (its <article>, focusable by script): where a reader is taken
 * when what they pressed goes away or points elsewhere. Nothing happens when it is not shown.
 */
export function focusComment(id: string): void {
  document.getElementById(commentAnchor(id))?.querySelector('article')?.focus();
}
