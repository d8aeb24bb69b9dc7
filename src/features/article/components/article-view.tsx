import type { Article } from '../../../api/contract';
import { ArticlePhoto } from './article-photo';

/** The article's own text; the discussion is composed beside it by the page. */
export function ArticleView({ article }: { article: Article }) {
  return (
    <article className="article" lang="fr" aria-labelledby="article-title">
      <header className="article__header">
        <h1 id="article-title">{article.title}</h1>
        <p className="article__meta">{article.wordCount}&nbsp;mots</p>
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
