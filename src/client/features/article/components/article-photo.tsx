import type { Photo } from '../../../../shared/contract';
import { useCatalogue } from '../../../lib/i18n/language';

export function ArticlePhoto({ photo }: { photo: Photo }) {
  const t = useCatalogue();
  return (
    <figure className="article-photo">
      <img src={photo.src} alt={photo.alt} width={photo.width} height={photo.height} decoding="async" />
      <figcaption>
        {/* The caption is the article's French; "Crédits" is the interface's word. */}
        {photo.caption}{' '}
        <span className="article-photo__credit" lang={t.lang}>
          {t.article.credits(photo.credit)}
        </span>
      </figcaption>
    </figure>
  );
}
