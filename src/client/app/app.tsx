import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Announcer } from '../lib/announcer';
import { useCatalogue } from '../lib/i18n/language';
import { Link } from '../lib/router';
import { SITE_NAME } from './site';
import { LanguageSwitch } from './language-switch';
import { createQueryClient } from './query-client';
import { Routes } from './routes';
import { ThemeSwitch } from './theme-switch';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const t = useCatalogue();
  return (
    <QueryClientProvider client={client}>
      <a className="skip-link" href="#contenu">
        {t.site.skipLink}
      </a>
      <header className="site-header">
        <Link href="/" className="site-header__brand" lang="fr">
          {SITE_NAME}
        </Link>
        <nav aria-label={t.site.navigation}>
          <Link href="/moderation">{t.site.moderation}</Link>
        </nav>
        <ThemeSwitch />
        <LanguageSwitch />
      </header>
      <Routes />
      <Announcer />
    </QueryClientProvider>
  );
}
