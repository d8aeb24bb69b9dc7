// `npm start`'s process (through tools/start.mjs, which builds the client first): settings,
// startup, and the signals a supervisor sends. Mistakes an operator can fix end the process
// with one line on stderr and exit code 1; SIGTERM and SIGINT stop it cleanly with code 0.
import { ConfigError, readConfig } from './config';
import { startServer, StartupError, type RunningServer } from './main';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let server: RunningServer;
try {
  server = await startServer(readConfig());
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartupError) fail(error.message);
  throw error;
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // A second signal while requests finish: the operator does not want to wait.
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`${signal}: finishing requests in flight, then stopping.\n`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => fail(`Stopped with an error: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}

// Said once the signals are handled: whoever waits for this line may stop the server at once.
process.stdout.write(`Réagir listening on ${server.origin}/ (${server.database})\n`);
