import { screen, waitFor, within } from '@testing-library/react';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../../../../mock/db';
import { server } from '../../../../mock/node';
import { renderSeedArticle } from '../../../../../tests/render-app';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';

function topLevelForm() {
  return screen.getByRole('form', { name: 'Réagir' });
}

function counterOf(textarea: HTMLElement): HTMLElement {
  const ids = textarea.getAttribute('aria-describedby')?.split(' ') ?? [];
  const counter = ids.map((id) => document.getElementById(id)).find((element) => /\/ 2000/.test(element?.textContent ?? ''));
  if (!counter) throw new Error('the textarea names no counter in aria-describedby');
  return counter;
}

async function fillTopLevelForm(user: Awaited<ReturnType<typeof renderSeedArticle>>['user'], body: string) {
  const form = within(topLevelForm());
  await user.type(form.getByLabelText('Pseudo'), 'Nouvelle lectrice');
  await user.type(form.getByLabelText('Email'), 'lectrice@example.fr');
  await user.type(form.getByLabelText('Commentaire'), body);
  return form;
}

const pendingBodies = () => db.commentsWithStatus('pending').map((comment) => comment.body);

describe('the comment form', () => {
  it('counts user-perceived characters while typing: emoji with skin tone and combining accents are one each', async () => {
    const { user } = await renderSeedArticle();
    const textarea = within(topLevelForm()).getByLabelText('Commentaire');
    expect(counterOf(textarea)).toHaveTextContent('0 / 2000');
    await user.type(textarea, 'Bravo');
    expect(counterOf(textarea)).toHaveTextContent('5 / 2000');
    await user.type(textarea, ' 👍🏽');
    expect(counterOf(textarea)).toHaveTextContent('7 / 2000');
    await user.type(textarea, ' e\u0301');
    expect(counterOf(textarea)).toHaveTextContent('9 / 2000');
  });

  it('warns near the limit, refuses to send over it, and never cuts the text', async () => {
    const { user } = await renderSeedArticle();
    const form = within(topLevelForm());
    await user.type(form.getByLabelText('Pseudo'), 'Long');
    await user.type(form.getByLabelText('Email'), 'long@example.fr');
    const textarea = form.getByLabelText('Commentaire');
    await user.click(textarea);
    await user.paste('a'.repeat(1950));
    expect(counterOf(textarea)).toHaveTextContent('1950 / 2000 : encore 50 caractères');
    await user.paste('é'.repeat(60));
    expect(counterOf(textarea)).toHaveTextContent('2010 / 2000 : limite dépassée de 10 caractères');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(expect.stringContaining('retirez-en 10'));
    expect((textarea as HTMLTextAreaElement).value).toHaveLength(2010);
    expect(textarea).toHaveFocus();
    expect(pendingBodies()).toEqual([]);
  });

  it('marks every invalid field, names its message, keeps what was typed and counts blanks as empty', async () => {
    const { user } = await renderSeedArticle();
    const form = within(topLevelForm());
    await user.type(form.getByLabelText('Pseudo'), '   ');
    await user.type(form.getByLabelText('Email'), 'pas-une-adresse');
    await user.type(form.getByLabelText('Commentaire'), '  \n  ');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));

    expect(form.getByLabelText('Pseudo')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByLabelText('Pseudo')).toHaveAccessibleDescription('Indiquez un pseudo.');
    expect(form.getByLabelText('Email')).toHaveAccessibleDescription('Cette adresse email n’est pas valide (exemple : nom@domaine.fr).');
    expect(form.getByLabelText('Commentaire')).toHaveAccessibleDescription(expect.stringContaining('Écrivez votre commentaire.'));
    expect(form.getByLabelText('Pseudo')).toHaveFocus();
    expect(form.getByLabelText('Email')).toHaveValue('pas-une-adresse');
    expect(form.getByLabelText('Commentaire')).toHaveValue('  \n  ');

    await user.clear(form.getByLabelText('Pseudo'));
    await user.type(form.getByLabelText('Pseudo'), 'A');
    expect(form.getByLabelText('Pseudo')).toHaveAccessibleDescription('Votre pseudo doit compter au moins 2 caractères.');
    await user.type(form.getByLabelText('Pseudo'), 'l');
    expect(form.getByLabelText('Pseudo')).not.toHaveAttribute('aria-invalid');
    expect(pendingBodies()).toEqual([]);
  });

  it('sends, thanks the author in a status message, stores the comment as pending and remembers pseudo and email', async () => {
    const { user } = await renderSeedArticle();
    const form = await fillTopLevelForm(user, 'Un avis mesuré.');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(form.getByRole('status').textContent).toBe(THANK_YOU);
    expect(form.getByLabelText('Commentaire')).toHaveValue('');
    expect(form.getByLabelText('Pseudo')).toHaveValue('Nouvelle lectrice');
    expect(pendingBodies()).toEqual(['Un avis mesuré.']);
    // Pending: not counted, and shown to its author alone, marked as such, at the top.
    expect(screen.getByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
    const own = screen.getByText('Un avis mesuré.').closest('article') as HTMLElement;
    expect(own).toHaveAccessibleDescription('En attente de validation');
    expect(own).toHaveAccessibleName(/^Nouvelle lectrice a écrit le/);
  });

  it('shows the server’s field errors when it refuses what the form let through', async () => {
    server.use(
      http.post('*/api/articles/:slug/comments', () =>
        HttpResponse.json(
          { error: { code: 'validation', message: 'Certains champs sont à corriger.', fields: { email: 'Ce domaine n’accepte pas de courrier.' } } },
          { status: 400 },
        ),
      ),
    );
    const { user } = await renderSeedArticle();
    const form = await fillTopLevelForm(user, 'Texte conservé');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(form.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true'));
    expect(form.getByLabelText('Email')).toHaveAccessibleDescription('Ce domaine n’accepte pas de courrier.');
    expect(form.getByLabelText('Email')).toHaveFocus();
    expect(form.getByLabelText('Commentaire')).toHaveValue('Texte conservé');
  });

  it('on a failed send shows an alert, keeps every value, and "Réessayer" sends it once', async () => {
    let failing = true;
    server.use(
      http.post('*/api/articles/:slug/comments', () => (failing ? HttpResponse.error() : undefined)),
    );
    const { user } = await renderSeedArticle();
    const form = await fillTopLevelForm(user, 'Malgré la coupure');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Connexion impossible');
    expect(alert).toHaveTextContent('Votre texte est conservé.');
    expect(form.getByLabelText('Commentaire')).toHaveValue('Malgré la coupure');
    expect(form.getByLabelText('Email')).toHaveValue('lectrice@example.fr');

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(form.queryByRole('alert')).toBeNull();
    expect(pendingBodies()).toEqual(['Malgré la coupure']);
  });

  it('on a server error (500) says so and lets the reader retry', async () => {
    server.use(http.post('*/api/articles/:slug/comments', () => new HttpResponse(null, { status: 500 }), { once: true }));
    const { user } = await renderSeedArticle();
    const form = await fillTopLevelForm(user, 'Deuxième essai');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Le serveur rencontre un problème.');
    await user.click(form.getByRole('button', { name: 'Réessayer' }));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(pendingBodies()).toEqual(['Deuxième essai']);
  });

  it('creates one comment however fast "Envoyer" is clicked, and after a lost response', async () => {
    let requests = 0;
    let loseResponse = true;
    server.use(
      http.post('*/api/articles/:slug/comments', async () => {
        requests += 1;
        await delay(50);
        if (loseResponse) {
          loseResponse = false;
          // The server stored it (the real handler ran) but the answer never arrived.
          return HttpResponse.error();
        }
        return undefined;
      }),
    );
    // The lost response: forward to the real handler first, then drop its answer.
    server.use(
      http.post('*/api/articles/:slug/comments', async ({ request }) => {
        if (!loseResponse) return undefined;
        const { handlers } = await import('../../../../mock/handlers');
        await getResponse(handlers, request.clone());
        return undefined;
      }),
    );
    const { user } = await renderSeedArticle();
    const form = await fillTopLevelForm(user, 'Une seule fois');
    const send = form.getByRole('button', { name: 'Envoyer' });
    await user.dblClick(send);
    await user.click(send);
    await user.keyboard('{Enter}');
    await form.findByRole('alert');
    expect(requests).toBe(1);
    expect(pendingBodies()).toEqual(['Une seule fois']);

    await user.click(form.getByRole('button', { name: 'Réessayer' }));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(pendingBodies()).toEqual(['Une seule fois']);
  });
});
