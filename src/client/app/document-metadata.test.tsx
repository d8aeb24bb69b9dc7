import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../mock/db';
import { seedArticle, seedComments } from '../../fixtures/seed-article';
import { navigate } from '../lib/router';
import { renderApp, renderSeedArticle } from '../../../tests/render-app';
import { serializeJsonLd } from './document-metadata';

const ORIGIN = window.location.origin;
const URL_OF_SEED = `${ORIGIN}/articles/hollande-poutine-daech`;

const metaContent = (selector: string) => document.head.querySelector(selector)?.getAttribute('content');
const jsonLdScripts = () => document.head.querySelectorAll('script[type="application/ld+json"]');

interface JsonLdComment {
  '@type': string;
  author: { '@type': string; name: string };
  dateCreated: string;
  text: string;
}

function jsonLd(): Record<string, unknown> & { comment: JsonLdComment[] } {
  const scripts = jsonLdScripts();
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]?.textContent ?? '') as Record<string, unknown> & { comment: JsonLdComment[] };
}

describe('what an article page says about itself in <head>', () => {
  it('sets the title, the standfirst as description, the canonical URL, Open Graph and Twitter card tags', async () => {
    await renderSeedArticle();
    // Set by an effect, which may run a moment after the heading is on screen.
    await waitFor(() => expect(document.title).toBe(`${seedArticle.title} · Réagir`));
    expect(metaContent('meta[name="description"]')).toBe(seedArticle.standfirst);
    expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(URL_OF_SEED);

    const image = `${ORIGIN}/images/hollande-poutine-daech.svg`;
    expect(metaContent('meta[property="og:type"]')).toBe('article');
    expect(metaContent('meta[property="og:title"]')).toBe(seedArticle.title);
    expect(metaContent('meta[property="og:description"]')).toBe(seedArticle.standfirst);
    expect(metaContent('meta[property="og:url"]')).toBe(URL_OF_SEED);
    expect(metaContent('meta[property="og:image"]')).toBe(image);
    expect(metaContent('meta[property="og:image:alt"]')).toBe(seedArticle.photo?.alt);
    expect(metaContent('meta[property="og:locale"]')).toBe('fr_FR');
    expect(metaContent('meta[property="og:site_name"]')).toBe('Réagir');
    expect(metaContent('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(metaContent('meta[name="twitter:title"]')).toBe(seedArticle.title);
    expect(metaContent('meta[name="twitter:description"]')).toBe(seedArticle.standfirst);
    expect(metaContent('meta[name="twitter:image"]')).toBe(image);
  });

  it('describes the article and its published comments as a schema.org NewsArticle', async () => {
    await renderSeedArticle();
    const data = jsonLd();
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: seedArticle.title,
      description: seedArticle.standfirst,
      image: [`${ORIGIN}/images/hollande-poutine-daech.svg`],
      wordCount: 509,
      inLanguage: 'fr',
      commentCount: 19,
      url: URL_OF_SEED,
    });
    expect(data.comment).toHaveLength(19);
    for (const seed of seedComments) {
      expect(data.comment).toContainEqual(
        expect.objectContaining({
          '@type': 'Comment',
          author: { '@type': 'Person', name: seed.author },
          dateCreated: seed.createdAt,
          text: seed.body,
        }),
      );
    }
    // What the page holds of a commenter is what it shows: never an email.
    expect(jsonLdScripts()[0]?.textContent).not.toMatch(/@example\.fr|email/);
  });

  it('leaves pending and rejected comments out, and counts the published ones', async () => {
    for (const status of ['pending', 'rejected'] as const) {
      db.insertComment(
        {
          id: `hidden-${status}`,
          articleSlug: 'hollande-poutine-daech',
          parentId: null,
          author: `Auteur ${status}`,
          email: `${status}@example.fr`,
          createdAt: '2015-11-30T08:17:00+01:00',
          body: `Commentaire ${status}`,
          status,
        },
        null,
      );
    }
    await renderSeedArticle();
    const data = jsonLd();
    expect(data.commentCount).toBe(19);
    expect(JSON.stringify(data)).not.toMatch(/Commentaire (pending|rejected)/);
  });

  it('writes a comment holding </script> so that it cannot close the element, and reads back the same text', async () => {
    const hostile = '</script><script>alert(1)</script> & <!-- \u2028';
    db.insertComment(
      {
        id: 'hostile-json-ld',
        articleSlug: 'hollande-poutine-daech',
        parentId: null,
        author: 'Pirate</script>',
        email: 'pirate@example.fr',
        createdAt: '2015-11-30T08:17:00+01:00',
        body: hostile,
        status: 'published',
      },
      null,
    );
    await renderSeedArticle();
    await screen.findByText(hostile, { normalizer: (text) => text });
    const script = jsonLdScripts()[0];
    const text = script?.textContent ?? '';
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // Serialised as HTML, the page still has exactly the scripts it had: nothing broke out.
    const head = document.head.outerHTML;
    expect(head).not.toContain('<script>alert(1)');
    expect(head.match(/<\/script>/g)).toHaveLength(document.head.querySelectorAll('script').length);
    expect(jsonLd().comment).toContainEqual(expect.objectContaining({ text: hostile, author: { '@type': 'Person', name: 'Pirate</script>' } }));
  });

  it('takes its tags away when the reader leaves the article, and a not-found page says so in its title', async () => {
    await renderSeedArticle();
    act(() => navigate('/moderation'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Modération' })).toBeInTheDocument();
    // Set by an effect, which may run a moment after the heading is on screen.
    await waitFor(() => expect(document.title).toBe('Modération · Réagir'));
    expect(document.head.querySelector('link[rel="canonical"], meta[property^="og:"], meta[name^="twitter:"]')).toBeNull();
    expect(jsonLdScripts()).toHaveLength(0);
    expect(metaContent('meta[name="description"]')).not.toBe(seedArticle.standfirst);

    act(() => navigate('/articles/inconnu'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    // Set by an effect, which may run a moment after the heading is on screen.
    await waitFor(() => expect(document.title).toBe('Page introuvable · Réagir'));
    expect(document.head.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('keeps the description written in index.html on the other pages', async () => {
    const meta = document.createElement('meta');
    meta.name = 'description';
    meta.content = 'Lisez l’article et la discussion de ses lecteurs, et réagissez.';
    document.head.append(meta);
    try {
      await renderSeedArticle();
      expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
      expect(metaContent('meta[name="description"]')).toBe(seedArticle.standfirst);
      act(() => navigate('/moderation'));
      await screen.findByRole('heading', { level: 1, name: 'Modération' });
      expect(metaContent('meta[name="description"]')).toBe('Lisez l’article et la discussion de ses lecteurs, et réagissez.');
    } finally {
      document.head.querySelectorAll('meta[name="description"]').forEach((element) => element.remove());
    }
  });
});

describe('serializeJsonLd', () => {
  it('escapes what could end a script element or a line, and means the same JSON', () => {
    const value = { text: '</script><script>alert(1)</script>', more: 'a & b > c <!-- \u2028 \u2029', n: 1 };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

it('renders the not-found page of an unknown article with no article tags', async () => {
  renderApp('/articles/inconnu');
  expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
  // Set by an effect, which may run a moment after the heading is on screen.
  await waitFor(() => expect(document.title).toBe('Page introuvable · Réagir'));
  expect(jsonLdScripts()).toHaveLength(0);
});
