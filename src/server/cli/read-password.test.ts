// @vitest-environment node
// The password of `npm run moderator -- add`: at a terminal, asked twice and never echoed;
// piped, the first line.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../passwords';
import { PasswordInputError, readNewPassword } from './read-password';

const PASSWORD = 'un mot de passe assez long';

/** A terminal played by streams: keystrokes in, whatever reaches the screen collected. */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  return { streams: { input, output }, type: (text: string) => input.write(text), screen: () => screen };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PasswordInputError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('readNewPassword at a terminal', () => {
  it('asks twice, echoes nothing of what is typed, and answers the password', async () => {
    const { streams, type, screen } = terminal();
    const reading = readNewPassword(streams, passwordProblem);
    await tick();
    type(`${PASSWORD}\r`);
    await tick();
    type(`${PASSWORD}\r`);
    expect(await reading).toBe(PASSWORD);
    expect(screen()).toContain('Mot de passe : ');
    expect(screen()).toContain('Confirmez : ');
    expect(screen()).not.toContain('mot de passe assez');
    expect(screen()).not.toContain('*');
  });

  it('refuses two different entries', async () => {
    const { streams, type, screen } = terminal();
    const reading = readNewPassword(streams, passwordProblem);
    await tick();
    type(`${PASSWORD}\r`);
    await tick();
    type(`${PASSWORD}!\r`);
    expect(await refusal(reading)).toBe('Les deux saisies diffèrent : rien n’a changé.');
    expect(screen()).not.toContain('long');
  });

  it('says a short password is refused before asking for it again', async () => {
    const { streams, type, screen } = terminal();
    const reading = readNewPassword(streams, passwordProblem);
    await tick();
    type('court\r');
    expect(await refusal(reading)).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(screen()).not.toContain('Confirmez');
  });

  it('gives up on Ctrl+C', async () => {
    const { streams, type } = terminal();
    const reading = readNewPassword(streams, passwordProblem);
    await tick();
    type('abc\u0003');
    expect(await refusal(reading)).toBe('Abandonné : rien n’a changé.');
  });
});

describe('readNewPassword from a pipe', () => {
  it('takes the first line, without its line break', async () => {
    const output = new PassThrough();
    expect(await readNewPassword({ input: Readable.from([`${PASSWORD}\r\nsecond line\n`]), output }, passwordProblem)).toBe(PASSWORD);
    expect(await readNewPassword({ input: Readable.from([PASSWORD]), output }, passwordProblem)).toBe(PASSWORD);
    expect(output.read()).toBeNull();
  });

  it('keeps spaces, which may be part of a password', async () => {
    const output = new PassThrough();
    expect(await readNewPassword({ input: Readable.from(['  espaces compris  \n']), output }, passwordProblem)).toBe('  espaces compris  ');
  });

  it('refuses an empty input and a short password', async () => {
    const output = new PassThrough();
    expect(await refusal(readNewPassword({ input: Readable.from([]), output }, passwordProblem))).toBe("Aucun mot de passe lu sur l'entrée standard.");
    expect(await refusal(readNewPassword({ input: Readable.from(['court\n']), output }, passwordProblem))).toBe(
      'Le mot de passe doit compter au moins 12 caractères.',
    );
  });
});
