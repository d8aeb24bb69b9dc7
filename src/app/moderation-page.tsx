import { ModerationTabs } from '../features/moderation/components/moderation-tabs';
import { useDocumentTitle } from './use-document-title';

export function ModerationPage() {
  useDocumentTitle('Modération');
  return (
    <main id="contenu" className="page page--narrow">
      <h1>Modération</h1>
      <ModerationTabs />
    </main>
  );
}
