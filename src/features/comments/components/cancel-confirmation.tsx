interface CancelConfirmationProps {
  onKeepWriting: () => void;
  onCloseKeepingDraft: () => void;
  onDiscard: () => void;
}

/** Asked before a non-empty form closes: nothing typed goes away without a clear choice. */
export function CancelConfirmation({ onKeepWriting, onCloseKeepingDraft, onDiscard }: CancelConfirmationProps) {
  return (
    <div role="alert" className="comment-form__confirm">
      <p>Fermer ce formulaire ? Votre texte peut rester en brouillon ou être supprimé.</p>
      <div className="comment-form__actions">
        <button type="button" className="button" onClick={onKeepWriting} autoFocus>
          Continuer à écrire
        </button>
        <button type="button" className="button" onClick={onCloseKeepingDraft}>
          Fermer et garder le brouillon
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard}>
          Supprimer le texte
        </button>
      </div>
    </div>
  );
}
