import type { Article, PublishedComment } from '../../shared/contract';
import type { DocumentMetadata } from './document-metadata';
import { SITE_NAME } from './site';
import { commentHash } from '../../shared/page-address';

/**
 * The origin absolute URLs are built on: the publisher's canonical site when the build names
 * it (VITE_SITE_URL), else the origin the page is served from.
 */
export function siteOrigin(): string {
  const configured = import.meta.env.VITE_SITE_URL;
  return configured ? configured.replace(/\/+$/, '') : window.location.origin;
}

export const articleUrl = (origin: string, slug: string) => `${origin}/articles/${encodeURIComponent(slug)}`;

interface ArticleMetadataInput {
  article: Article;
  /** The published comments loaded on the page. */
  comments: readonly PublishedComment[];
  /** Every published comment of the article, when known. */
  commentCount: number | undefined;
  origin: string;
}

/**
 * Title, description, canonical URL, Open Graph and Twitter card tags, and a schema.org
 * NewsArticle with the comments the page shows, for search engines and link previews.
 */
export function articleMetadata({ article, comments, commentCount, origin }: ArticleMetadataInput): DocumentMetadata {
  const url = articleUrl(origin, article.slug);
  const image = article.photo ? new URL(article.photo.src, `${origin}/`).href : undefined;
  return {
    title: `${article.title} · ${SITE_NAME}`,
    description: article.standfirst,
    canonicalUrl: url,
    openGraph: {
      'og:type': 'article',
      'og:site_name': SITE_NAME,
      'og:locale': 'fr_FR',
      'og:title': article.title,
      'og:description': article.standfirst,
      'og:url': url,
      'og:image': image,
      'og:image:width': article.photo?.width,
      'og:image:height': article.photo?.height,
      'og:image:alt': article.photo?.alt,
    },
    twitter: {
      'twitter:card': 'summary_large_image',
      'twitter:title': article.title,
      'twitter:description': article.standfirst,
      'twitter:image': image,
      'twitter:image:alt': article.photo?.alt,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': url,
      url,
      mainEntityOfPage: url,
      headline: article.title,
      description: article.standfirst,
      ...(image ? { image: [image] } : {}),
      wordCount: article.wordCount,
      inLanguage: 'fr',
      publisher: { '@type': 'Organization', name: SITE_NAME },
      commentCount: commentCount ?? comments.length,
      comment: comments.map((comment) => ({
        '@type': 'Comment',
        '@id': `${url}${commentHash(comment.id)}`,
        url: `${url}${commentHash(comment.id)}`,
        author: { '@type': 'Person', name: comment.author },
        dateCreated: comment.createdAt,
        text: comment.body,
        ...(comment.parentId ? { parentItem: { '@id': `${url}${commentHash(comment.parentId)}` } } : {}),
      })),
    },
  };
}
