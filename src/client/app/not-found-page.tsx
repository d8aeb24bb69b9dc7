import { useCatalogue } from '../lib/i18n/language';
import { Link } from '../lib/router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'article' }) {
  const t = useCatalogue();
  useDocumentTitle(t.notFound.title);
  return (
    <main id="contenu" className="page page--narrow">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound[what]}</p>
      <p>
        <Link href="/">{t.notFound.home}</Link>
      </p>
    </main>
  );
}
