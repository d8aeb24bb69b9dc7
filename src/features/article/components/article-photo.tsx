import type { Photo } from '../../../api/contract';

export function ArticlePhoto({ photo }: { photo: Photo }) {
  return (
    <figure className="article-photo">
      <img src={photo.src} alt={photo.alt} width={photo.width} height={photo.height} decoding="async" />
      <figcaption>
        {photo.caption} <span className="article-photo__credit">(Crédits : {photo.credit})</span>
      </figcaption>
    </figure>
  );
}
