import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../../mock/db';
import { seedArticle, seedComments } from '../../fixtures/seed-article';
import { server } from '../../mock/node';
import { renderApp, renderSeedArticle } from '../../../tests/render-app';
import { formatParisDateTime } from '../lib/format-paris-date';

function commentArticle(body: string): HTMLElement {
  const article = screen.getByText((_, element) => element?.classList.contains('comment__body') === true && element.textContent === body).closest('article');
  if (!article) throw new Error(`no comment article holds ${body.slice(0, 30)}`);
  return article;
}

// The seed's texts hold no-break spaces that must survive as they are.
const asIs = (text: string) => text;
const listItemOf = (element: HTMLElement) => element.closest('li') as HTMLElement;

describe('the seed article page', () => {
  it('shows the article: one h1, word count, photo with caption and credit, standfirst, body, subheadings', async () => {
    await renderSeedArticle();
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveTextContent(seedArticle.title);
    expect(screen.getByText(/^509\s+mots$/)).toBeInTheDocument();

    const figure = screen.getByRole('figure');
    const image = within(figure).getByRole('img');
    expect(image).toHaveAttribute('alt', seedArticle.photo?.alt);
    expect(image).toHaveAttribute('width', '1200');
    expect(image).toHaveAttribute('height', '675');
    expect(figure.querySelector('figcaption')).toHaveTextContent('(Crédits : © POOL New / Reuters)');
    expect(figure.querySelector('figcaption')?.textContent).toContain(seedArticle.photo?.caption);

    expect(screen.getByText(seedArticle.standfirst, { normalizer: asIs })).toBeInTheDocument();
    for (const block of seedArticle.body) {
      const element = screen.getByText(block.text, { normalizer: asIs });
      expect(element.tagName).toBe(block.type === 'heading' ? 'H2' : 'P');
    }
    expect(screen.getByRole('heading', { level: 2, name: 'Réagir' })).toBeInTheDocument();
    expect(screen.getByText('Votre email ne sera pas affiché publiquement')).toBeInTheDocument();
    expect(screen.getByText('Tous les champs sont obligatoires')).toBeInTheDocument();
  });

  it('shows all 19 comments in a section labelled "Commentaires (19)", each with its author and Paris date', async () => {
    await renderSeedArticle();
    const section = screen.getByRole('region', { name: 'Commentaires (19)' });
    const articles = within(section).getAllByRole('article');
    expect(articles).toHaveLength(19);
    for (const comment of seedComments) {
      const article = commentArticle(comment.body);
      const time = within(article).getByText(formatParisDateTime(comment.createdAt));
      expect(time.tagName).toBe('TIME');
      expect(time).toHaveAttribute('datetime', comment.createdAt);
      const header = comment.parentId
        ? `Réponse de ${comment.author} le ${formatParisDateTime(comment.createdAt)} :`
        : `${comment.author} a écrit le ${formatParisDateTime(comment.createdAt)} :`;
      expect(article).toHaveAccessibleName(header);
      expect(within(article).getByRole('button', { name: `Répondre à ${comment.author}` })).toBeInTheDocument();
    }
    expect(screen.getByText('29/11/2015 à 11:37')).toBeInTheDocument();
    expect(screen.getByText('28/11/2015 à 0:51')).toBeInTheDocument();
  });

  it('nests each of the 6 replies in its parent, top level newest first, replies oldest first', async () => {
    await renderSeedArticle();
    const section = screen.getByRole('region', { name: /Commentaires/ });
    const topList = section.querySelector('ol') as HTMLOListElement;
    const topLevel = Array.from(topList.children).map((item) => within(item as HTMLElement).getAllByRole('article')[0]);
    const expectedTop = seedComments.filter((comment) => comment.parentId === null);
    expect(topLevel.map((article) => article?.querySelector('time')?.getAttribute('datetime'))).toEqual(
      expectedTop.map((comment) => comment.createdAt),
    );

    for (const reply of seedComments.filter((comment) => comment.parentId !== null)) {
      const parent = seedComments.find((comment) => comment.id === reply.parentId);
      const replyItem = listItemOf(commentArticle(reply.body));
      const parentItem = listItemOf(commentArticle(parent?.body ?? ''));
      // DOM containment is the thread: the reply's list item sits in a list inside its parent's.
      expect(replyItem.parentElement?.closest('li')).toBe(parentItem);
      expect(replyItem.parentElement?.tagName).toBe('OL');
    }

    const booboo = listItemOf(commentArticle(seedComments.find((c) => c.author === 'Booboo')?.body ?? ''));
    const replyTimes = Array.from(booboo.querySelector('ol')?.children ?? []).map((item) => item.querySelector('time')?.textContent);
    expect(replyTimes).toEqual(['27/11/2015 à 12:32', '27/11/2015 à 15:30', '27/11/2015 à 19:32']);
  });

  it('keeps the line breaks of a comment and shows markup as text', async () => {
    db.insertComment(
      {
        id: 'x',
        articleSlug: 'hollande-poutine-daech',
        parentId: null,
        author: 'Testeur',
        email: 'testeur@example.fr',
        createdAt: '2015-11-30T08:17:00+01:00',
        body: '<img src=x onerror="alert(1)"> &amp; <b>gras</b>\nligne 2',
        status: 'published',
      },
      null,
    );
    renderApp('/articles/hollande-poutine-daech');
    const body = await screen.findByText(/onerror/);
    expect(body.textContent).toBe('<img src=x onerror="alert(1)"> &amp; <b>gras</b>\nligne 2');
    expect(body.querySelector('img, b')).toBeNull();
  });
});

describe('routes and failures', () => {
  it('sends / to the seed article', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: seedArticle.title })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/articles/hollande-poutine-daech');
  });

  it('shows a not-found page for an unknown article and an unknown path', async () => {
    renderApp('/articles/inconnu');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    expect(screen.getByText('Cet article n’existe pas ou n’est plus en ligne.')).toBeInTheDocument();
  });

  it('turns a malformed response into an error with "Réessayer" that works', async () => {
    let serverBroken = true;
    server.use(
      http.get('*/api/articles/:slug/comments', () =>
        serverBroken ? HttpResponse.json({ comments: [{ id: 1 }] }) : undefined,
      ),
    );
    const { user } = renderApp('/articles/hollande-poutine-daech');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Impossible de charger les commentaires.');
    serverBroken = false;
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
  });

  it('shows a failed article load with a retry', async () => {
    server.use(http.get('*/api/articles/:slug', () => new HttpResponse('<html>oops', { status: 502 }), { once: true }));
    const { user } = renderApp('/articles/hollande-poutine-daech');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Impossible de charger l’article.');
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { level: 1, name: seedArticle.title })).toBeInTheDocument();
  });
});

describe('deep threads', () => {
  function insertChain(length: number) {
    for (let depth = 0; depth < length; depth++) {
      db.insertComment(
        {
          id: `d${depth}`,
          articleSlug: 'hollande-poutine-daech',
          parentId: depth === 0 ? null : `d${depth - 1}`,
          author: `Niveau ${depth}`,
          email: 'niveau@example.fr',
          createdAt: new Date(Date.UTC(2015, 10, 30, 8, depth)).toISOString(),
          body: `Réponse de niveau ${depth}`,
          status: 'published',
        },
        null,
      );
    }
  }

  const itemOf = (text: string) => screen.getByText(text).closest('li') as HTMLElement;
  function ancestorsOf(item: HTMLElement): number {
    let count = 0;
    for (let parent = item.parentElement?.closest('li'); parent; parent = parent.parentElement?.closest('li')) count += 1;
    return count;
  }

  it('nests a 16-level chain: a preview, replies on demand, then the rest on its own view and back', async () => {
    insertChain(16);
    const { user } = renderApp('/articles/hollande-poutine-daech');
    // The preview goes 3 levels below the top-level comment; each next batch 3 more.
    expect(await screen.findByText('Réponse de niveau 3')).toBeInTheDocument();
    expect(screen.queryByText('Réponse de niveau 4')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Voir la réponse' }));
    const level4 = await screen.findByText('Réponse de niveau 4');
    expect(ancestorsOf(itemOf('Réponse de niveau 4'))).toBe(4);
    await waitFor(() => expect(level4.closest('article')).toHaveFocus());
    expect(screen.getByText('Réponse de niveau 7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir la réponse' }));
    await screen.findByText('Réponse de niveau 8');
    // Level 11 is as deep as the page nests.
    expect(screen.queryByRole('button', { name: 'Voir la réponse' })).toBeNull();
    expect(screen.queryByText('Réponse de niveau 12')).toBeNull();
    expect(ancestorsOf(itemOf('Réponse de niveau 11'))).toBe(11);
    expect(within(itemOf('Réponse de niveau 11')).getByRole('article')).toHaveAccessibleName(/^Réponse de Niveau 11 le/);

    // Level 11 is as deep as the page nests: its replies continue on their own view.
    const more = screen.getByRole('link', { name: 'Continuer la discussion (4 réponses)' });
    expect(more).toHaveAttribute('href', '/articles/hollande-poutine-daech?fil=d11');
    await user.click(more);
    const threadHeading = await screen.findByRole('heading', { name: 'Suite de la discussion' });
    // Focused by an effect, a moment after the view is on screen.
    await waitFor(() => expect(threadHeading).toHaveFocus());
    expect(await screen.findByText('Réponse de niveau 14')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir la réponse' }));
    expect(await screen.findByText('Réponse de niveau 15')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Dans la discussion' })).toHaveTextContent('Niveau 0');
    expect(screen.getByRole('heading', { name: 'Commentaires (35)' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Revenir à toute la discussion' }));
    await screen.findByText('Réponse de niveau 0');
    expect(window.location.search).toBe('');
  });
});
