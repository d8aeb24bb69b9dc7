import type { Article } from '../../../../shared/contract';
import { useCatalogue } from '../../../lib/i18n/language';
import { ArticlePhoto } from './article-photo';

/**
 * The article's own text, in French whatever the interface's language (`lang="fr"`); the word
 * count is the interface's. The discussion is composed beside it by the page.
 */
export function ArticleView({ article }: { article: Article }) {
  const t = useCatalogue();
  return (
    <article className="article" lang="fr" aria-labelledby="article-title">
      <header className="article__header">
        <h1 id="article-title">{article.title}</h1>
        <p className="article__meta" lang={t.lang}>
          {t.article.words(article.wordCount)}
        </p>
      </header>
      {article.photo && <ArticlePhoto photo={article.photo} />}
      <p className="article__standfirst">{article.standfirst}</p>
      <div className="article__body">
        {article.body.map((block, index) =>
          // Blocks have no identity of their own and never move: the index is their key.
          block.type === 'heading' ? <h2 key={index}>{block.text}</h2> : <p key={index}>{block.text}</p>,
        )}
      </div>
    </article>
  );
}
