import { ModerationGate } from '../features/moderation/components/moderation-gate';
import { useModerationCatalogue } from '../lib/i18n/moderation-catalogue';
import { useDocumentTitle } from './use-document-title';

export function ModerationPage() {
  const words = useModerationCatalogue();
  useDocumentTitle(words.title);
  return (
    <main id="contenu" className="page page--narrow">
      <h1>{words.title}</h1>
      <ModerationGate />
    </main>
  );
}
