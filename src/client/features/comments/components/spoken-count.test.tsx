import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderSeedArticle } from '../../../../../tests/render-app';

afterEach(() => {
  vi.useRealTimers();
});

function spokenCountOf(form: HTMLElement): HTMLElement {
  const region = form.querySelector<HTMLElement>('[data-spoken-count]');
  if (!region) throw new Error('no spoken count in the form');
  return region;
}

describe('the counter for screen readers', () => {
  it('speaks politely after a pause and when a threshold is crossed, never at every keystroke', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = await renderSeedArticle({ fakeTimers: true });
    const form = screen.getByRole('form', { name: 'Réagir' });
    const region = spokenCountOf(form);
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveClass('visually-hidden');
    const textarea = within(form).getByLabelText('Commentaire');

    await user.type(textarea, 'Bonjour');
    // Typing: the visible counter follows, the spoken one waits.
    expect(within(form).getByText('7 / 2000')).toBeInTheDocument();
    expect(region).toHaveTextContent('');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(region).toHaveTextContent('Il vous reste 1993 caractères.');

    // Crossing "100 left" is said at once, without waiting for a pause.
    await user.click(textarea);
    await user.paste('x'.repeat(1895));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(region).toHaveTextContent('Il vous reste 98 caractères.');

    await user.paste('y'.repeat(100));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(region).toHaveTextContent('Vous avez dépassé la limite de 2 caractères.');
  });
});
