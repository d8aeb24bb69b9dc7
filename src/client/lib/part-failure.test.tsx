import { render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PartFailure } from './part-failure';

describe('a part whose code cannot be fetched', () => {
  it('says so and offers a reload, and the page around it stays', async () => {
    // React reports the caught error on the console: expected here.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Gone = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(
      <main>
        <h1>L’article</h1>
        <PartFailure>
          <Suspense fallback={<p>Chargement…</p>}>
            <Gone />
          </Suspense>
        </PartFailure>
      </main>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette partie de la page n’a pas pu être chargée.');
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'L’article' })).toBeInTheDocument();
    expect(reported).toHaveBeenCalled();
  });
});
