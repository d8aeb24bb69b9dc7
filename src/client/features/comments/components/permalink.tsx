import { announce } from '../../../lib/announcer';
import { useCatalogue } from '../../../lib/i18n/language';
import { commentHash } from '../../../../shared/page-address';

export const permalinkPath = (articleSlug: string, commentId: string) =>
  `/articles/${encodeURIComponent(articleSlug)}${commentHash(commentId)}`;

/**
 * "Lien": a real link to the comment (open it, or copy its address from the context menu), and
 * a click copies the whole address for pasting elsewhere. Without a clipboard it is followed.
 */
export function Permalink({ articleSlug, commentId, author }: { articleSlug: string; commentId: string; author: string }) {
  const t = useCatalogue();
  const path = permalinkPath(articleSlug, commentId);
  return (
    <a
      className="button button--link"
      href={path}
      aria-label={t.comments.linkLabel(author)}
      onClick={(event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        navigator.clipboard.writeText(new URL(path, window.location.href).toString()).then(
          () => announce(t.comments.linkCopied),
          () => window.location.assign(path),
        );
      }}
    >
      {t.comments.link}
    </a>
  );
}
