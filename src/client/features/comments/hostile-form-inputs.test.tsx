// The hostile-input table (tests/fixtures/hostile-inputs.ts) through the comment form a reader
// sees, not only through the shared rules: each case typed into the article's form by label and
// sent with "Envoyer". Refused: the French message beside each refused field (and no other),
// every typed value kept, nothing sent. Accepted: the thank-you, and the text shown back as text.
import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseComment, validateComment, type CommentDraft, type CommentField } from '../../../shared/comment-rules';
import { db } from '../../../mock/db';
import { server } from '../../../mock/node';
import { ACCEPTABLE, HOSTILE_INPUTS, type HostileInput } from '../../../../tests/fixtures/hostile-inputs';
import { renderSeedArticle } from '../../../../tests/render-app';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const LABELS: Record<CommentField, string> = { author: 'Pseudo', email: 'Email', body: 'Commentaire' };
const FIELDS = Object.keys(LABELS) as CommentField[];

/** Types each value into its field as a reader would; a long text is set in one change, as a paste is. */
async function fillForm(form: HTMLElement, draft: CommentDraft) {
  const user = userEvent.setup({ delay: null });
  for (const field of FIELDS) {
    const control = within(form).getByLabelText(LABELS[field]);
    const value = draft[field];
    // Line breaks and tabs arrive by paste too: typed, they would be Enter (sending) and Tab.
    if (value.length > 200 || /[\t\r\n]/.test(value)) fireEvent.change(control, { target: { value } });
    // user-event reads "{" and "[" as key names: doubled, they are typed as themselves.
    else if (value !== '') await user.type(control, value.replace(/[{[]/g, '$&$&'));
  }
  return user;
}

/** What the form holds: what it validates and sends (an input drops line breaks, as browsers do). */
const typedValues = (form: HTMLElement): CommentDraft => ({
  author: (within(form).getByLabelText(LABELS.author) as HTMLInputElement).value,
  email: (within(form).getByLabelText(LABELS.email) as HTMLInputElement).value,
  body: (within(form).getByLabelText(LABELS.body) as HTMLTextAreaElement).value,
});

// The table's cases, and the 100,000-character paste the contract suite sends besides.
const CASES: HostileInput[] = [...HOSTILE_INPUTS, { name: 'a 100,000-character paste', body: '👍🏽'.repeat(25_000), refused: ['body'] }];

// Comments sent to the server: a case the form's own rules refuse must never get there.
let posted: string[] = [];
const recordPost = ({ request }: { request: Request }) => {
  if (request.method === 'POST') posted.push(new URL(request.url).pathname);
};
beforeEach(() => {
  posted = [];
  server.events.on('request:start', recordPost);
});
afterEach(() => {
  server.events.removeListener('request:start', recordPost);
});

describe('hostile and odd inputs typed into the comment form', () => {
  it.each(CASES)('$name', async ({ refused, name: _name, ...fields }) => {
    await renderSeedArticle();
    const form = screen.getByRole('form', { name: 'Réagir' });
    const draft = { ...ACCEPTABLE, ...fields };
    const user = await fillForm(form, draft);
    const typed = typedValues(form);
    // Every character arrived, but for what a browser's own fields change: a one-line input
    // drops line breaks, a textarea turns CRLF into LF.
    expect(typed).toEqual({
      author: draft.author.replace(/[\r\n]/g, ''),
      email: draft.email.replace(/[\r\n]/g, ''),
      body: draft.body.replace(/\r\n?/g, '\n'),
    });
    await user.click(within(form).getByRole('button', { name: 'Envoyer' }));

    if (refused.length > 0) {
      const messages = validateComment(typed);
      for (const field of FIELDS) {
        const control = within(form).getByLabelText(LABELS[field]);
        // Whatever was refused, every value stays as the reader typed it.
        expect(control, field).toHaveValue(typed[field]);
        const message = messages[field] ?? '';
        if (!refused.includes(field)) {
          expect(control, field).not.toHaveAttribute('aria-invalid');
          continue;
        }
        expect(message, field).toMatch(/\S/);
        expect(control, field).toHaveAttribute('aria-invalid', 'true');
        expect(control, field).toHaveAccessibleDescription(expect.stringContaining(message));
        // Beside its own field: in the field's box, right under the control (or its counter).
        const box = control.parentElement as HTMLElement;
        expect(within(box).getByText(message)).toBeVisible();
      }
      expect(within(form).getByLabelText(LABELS[refused[0] as CommentField])).toHaveFocus();
      expect(within(form).getByRole('status')).toHaveTextContent('');
      expect(posted).toEqual([]);
      expect(db.commentsWithStatus('pending')).toEqual([]);
      return;
    }

    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(posted).toEqual(['/api/articles/hollande-poutine-daech/comments']);
    const sent = normaliseComment(typed);
    expect(db.commentsWithStatus('pending')).toMatchObject([{ author: sent.author, email: sent.email, body: sent.body }]);
    // Shown back to its author, pending: the very text, as one text node, never markup.
    const pending = screen.getByText('En attente de validation').closest('article') as HTMLElement;
    expect(within(pending).getByText(sent.author)).toBeInTheDocument();
    const body = pending.querySelector('.comment__body') as HTMLElement;
    expect(body.textContent).toBe(sent.body);
    expect(Array.from(body.childNodes, (node) => node.nodeType)).toEqual([Node.TEXT_NODE]);
    expect(document.body.querySelector('script, img[onerror], [href^="javascript"], iframe')).toBeNull();
    expect(within(form).getByLabelText(LABELS.body)).toHaveValue('');
  });
});
