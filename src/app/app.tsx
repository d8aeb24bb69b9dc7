import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Announcer } from '../lib/announcer';
import { Link } from '../lib/router';
import { createQueryClient } from './query-client';
import { Routes } from './routes';
import { ThemeSwitch } from './theme-switch';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <Link href="/" className="site-header__brand">
          Réagir
        </Link>
        <nav aria-label="Navigation principale">
          <Link href="/moderation">Modération</Link>
        </nav>
        <ThemeSwitch />
      </header>
      <Routes />
      <Announcer />
    </QueryClientProvider>
  );
}
