import { useCatalogue } from '../../../lib/i18n/language';
import { LazyCommentForm } from './lazy-comment-form';

/** The form for a comment on the article itself, with the seed's heading and notes. */
export function NewCommentPanel({ articleSlug }: { articleSlug: string }) {
  const t = useCatalogue();
  return (
    <section className="new-comment" aria-labelledby="reagir-heading">
      <h2 id="reagir-heading">{t.newComment.heading}</h2>
      <div className="new-comment__notes">
        <p>{t.newComment.emailNotShown}</p>
        <p>{t.newComment.allRequired}</p>
      </div>
      <LazyCommentForm
        articleSlug={articleSlug}
        parentId={null}
        labelledBy="reagir-heading"
        // Holds the form's height while it loads, so that nothing below it moves.
        placeholderClass="comment-form comment-form--placeholder"
      />
    </section>
  );
}
