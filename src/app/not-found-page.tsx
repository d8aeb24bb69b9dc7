import { Link } from '../lib/router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage({ what = 'Cette page' }: { what?: string }) {
  useDocumentTitle('Page introuvable');
  return (
    <main id="contenu" className="page page--narrow">
      <h1>Page introuvable</h1>
      <p>{what} n’existe pas ou n’est plus en ligne.</p>
      <p>
        <Link href="/">Retour à l’article à la une</Link>
      </p>
    </main>
  );
}
