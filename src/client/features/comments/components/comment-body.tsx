/** A comment's text, as text: React escapes it, and line breaks show through CSS. */
export function CommentBody({ text }: { text: string }) {
  return (
    <div className="comment__body" lang="fr">
      {text}
    </div>
  );
}
