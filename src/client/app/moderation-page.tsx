import { ModerationTabs } from '../features/moderation/components/moderation-tabs';
import { useDeferredCatalogue } from '../lib/i18n/deferred-catalogue';
import { useDocumentTitle } from './use-document-title';

export function ModerationPage() {
  const t = useDeferredCatalogue();
  useDocumentTitle(t.moderation.title);
  return (
    <main id="contenu" className="page page--narrow">
      <h1>{t.moderation.title}</h1>
      <ModerationTabs />
    </main>
  );
}
