// Reads a new password for `npm run moderator -- add`: typed at a terminal, twice and without
// echo (nobody behind the operator, no scrollback, no terminal log keeps it); piped, the first
// line of standard input, for scripts and provisioning tools.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Why no password came; its message is one French line. */
export class PasswordInputError extends Error {
  override name = 'PasswordInputError';
}

export interface PasswordStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where prompts go (stderr, so that stdout stays the command's result). */
  output: NodeJS.WritableStream;
}

/** The first line of a non-terminal input, without its line break; an error when there is none. */
function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) reject(new PasswordInputError("Aucun mot de passe lu sur l'entrée standard."));
    });
  });
}

/** Asks once at a terminal: the prompt is shown, what is typed is not. */
function askHidden(streams: PasswordStreams, prompt: string): Promise<string> {
  let muted = false;
  // Everything readline echoes goes through here: the prompt passes, the keystrokes do not.
  const screen = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) streams.output.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: streams.input, output: screen, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    lines.on('SIGINT', () => lines.close());
    lines.once('close', () => {
      // The Enter key's line break was muted too.
      streams.output.write('\n');
      if (!answered) reject(new PasswordInputError('Abandonné : rien n’a changé.'));
    });
    lines.question(prompt, (answer) => {
      answered = true;
      lines.close();
      resolve(answer);
    });
    muted = true;
  });
}

/**
 * The password, or a PasswordInputError. At a terminal `check` runs between the two prompts,
 * so that a refused password is said before it is typed again.
 */
export async function readNewPassword(streams: PasswordStreams, check: (password: string) => string | null): Promise<string> {
  if (!streams.input.isTTY) {
    const password = await readFirstLine(streams.input);
    const problem = check(password);
    if (problem) throw new PasswordInputError(problem);
    return password;
  }
  const password = await askHidden(streams, 'Mot de passe : ');
  const problem = check(password);
  if (problem) throw new PasswordInputError(problem);
  const confirmation = await askHidden(streams, 'Confirmez : ');
  if (confirmation !== password) throw new PasswordInputError('Les deux saisies diffèrent : rien n’a changé.');
  return password;
}
