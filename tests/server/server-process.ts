// The real server as its own process, as `npm start` runs it (without the build step): for the
// tests that kill it, stop it, restart it or run two of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

const ENTRY = 'src/server/start.ts';

/** Runs the server with `env` (PORT 0 unless given); resolves once it prints its address. */
export function runServer(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (address) resolve({ origin: address[1] as string, child, output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`The server exited (${code}) before listening:\n${output}`)));
  });
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function runFailingServer(env: Record<string, string>): Promise<{ code: number | string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code, signal] = await once(child, 'exit');
  return { code: (code ?? signal) as number | string, output };
}
