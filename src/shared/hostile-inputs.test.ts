import { describe, expect, it } from 'vitest';
import { ACCEPTABLE, HOSTILE_INPUTS } from '../../tests/fixtures/hostile-inputs';
import { validateComment } from './comment-rules';

const refusedByForm = (draft: typeof ACCEPTABLE) => Object.keys(validateComment(draft)).sort();

async function refusedByServer(draft: typeof ACCEPTABLE): Promise<string[]> {
  const response = await fetch('http://localhost:3000/api/articles/hollande-poutine-daech/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...draft, parentId: null }),
  });
  if (response.status === 201) return [];
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as { error: { fields?: Record<string, string> } };
  return Object.keys(error.fields ?? {}).sort();
}

describe('hostile and odd inputs: the form and the server agree, case by case', () => {
  it('has at least 40 cases', () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE_INPUTS)('$name', async ({ refused, name: _name, ...fields }) => {
    const draft = { ...ACCEPTABLE, ...fields };
    const expected = [...refused].sort();
    expect(refusedByForm(draft)).toEqual(expected);
    expect(await refusedByServer(draft)).toEqual(expected);
  });

  it('refuses a 100,000-character paste on both sides without segmenting all of it', async () => {
    const draft = { ...ACCEPTABLE, body: '👍🏽'.repeat(25_000) };
    expect(refusedByForm(draft)).toEqual(['body']);
    // The server refuses it by size before parsing or counting anything.
    const response = await fetch('http://localhost:3000/api/articles/hollande-poutine-daech/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...draft, parentId: null }),
    });
    expect(response.status).toBe(413);
  });
});
