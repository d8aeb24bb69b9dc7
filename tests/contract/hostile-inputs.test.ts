// Hostile and odd inputs (tests/fixtures/hostile-inputs.ts): the form's rules and every backend
// agree case by case — the mock, and the real server on SQLite and on PostgreSQL — and what is
// accepted is stored exactly as the rules normalise it, byte for byte, whatever the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseComment, validateComment } from '../../src/shared/comment-rules';
import { ACCEPTABLE, HOSTILE_INPUTS } from '../fixtures/hostile-inputs';
import { contractTargets, type Backend } from './targets';

const targets = await contractTargets();
const PATH = '/articles/hollande-poutine-daech/comments';

const refusedByForm = (draft: typeof ACCEPTABLE) => Object.keys(validateComment(draft)).sort();

it('has at least 40 cases', () => {
  expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(40);
});

describe.each(targets)('hostile and odd inputs on $name: the form and the server agree, case by case', (target) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await target.start();
  });
  afterAll(async () => {
    await backend.close();
  });

  const send = (draft: typeof ACCEPTABLE) =>
    backend.fetch(PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...draft, parentId: null }) });

  it.each(HOSTILE_INPUTS)('$name', async ({ refused, name: _name, ...fields }) => {
    const draft = { ...ACCEPTABLE, ...fields };
    const expected = [...refused].sort();
    expect(refusedByForm(draft)).toEqual(expected);
    const response = await send(draft);
    if (expected.length === 0) {
      expect(response.status).toBe(201);
      const { comment } = (await response.json()) as { comment: { id: string } };
      const stored = await backend.store.comment(comment.id);
      const normalised = normaliseComment(draft);
      expect({ author: stored?.author, email: stored?.email, body: stored?.body }).toEqual(normalised);
    } else {
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { fields?: Record<string, string> } };
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(expected);
    }
  });

  it('refuses a 100,000-character paste on both sides without segmenting all of it', async () => {
    const draft = { ...ACCEPTABLE, body: '👍🏽'.repeat(25_000) };
    expect(refusedByForm(draft)).toEqual(['body']);
    // The server refuses it by size before parsing or counting anything.
    expect((await send(draft)).status).toBe(413);
  });
});
