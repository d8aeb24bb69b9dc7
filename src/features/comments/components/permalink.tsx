import { announce } from '../../../lib/announcer';

export const permalinkPath = (articleSlug: string, commentId: string) =>
  `/articles/${encodeURIComponent(articleSlug)}#commentaire-${encodeURIComponent(commentId)}`;

/**
 * "Lien": a real link to the comment (open it, or copy its address from the context menu), and
 * a click copies the whole address for pasting elsewhere. Without a clipboard it is followed.
 */
export function Permalink({ articleSlug, commentId, author }: { articleSlug: string; commentId: string; author: string }) {
  const path = permalinkPath(articleSlug, commentId);
  return (
    <a
      className="button button--link"
      href={path}
      aria-label={`Lien vers le commentaire de ${author}`}
      onClick={(event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        navigator.clipboard.writeText(new URL(path, window.location.href).toString()).then(
          () => announce('Lien copié dans le presse-papiers.'),
          () => window.location.assign(path),
        );
      }}
    >
      Lien
    </a>
  );
}
