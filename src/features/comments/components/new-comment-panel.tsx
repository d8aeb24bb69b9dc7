import { CommentForm } from './comment-form';

/** The form for a comment on the article itself, with the seed's heading and notes. */
export function NewCommentPanel({ articleSlug }: { articleSlug: string }) {
  return (
    <section className="new-comment" aria-labelledby="reagir-heading">
      <h2 id="reagir-heading">Réagir</h2>
      <div className="new-comment__notes">
        <p>Votre email ne sera pas affiché publiquement</p>
        <p>Tous les champs sont obligatoires</p>
      </div>
      <CommentForm articleSlug={articleSlug} parentId={null} labelledBy="reagir-heading" />
    </section>
  );
}
