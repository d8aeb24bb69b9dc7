// `npm run db:migrate`, `npm run db:seed -- generated-N`, `npm run db:export [-- file]`,
// `npm run db:import [-- file]`: the database chores, on whichever database the environment
// names (the same variables as `npm start`). Messages go to stderr; an export goes to stdout or
// to the file named.
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedCountOf } from '../../fixtures/generated-article';
import { ConfigError, readConfig } from '../config';
import { SeedError, seedGenerated } from '../seed';
import { openStore } from '../store/open-store';
import { exportAll, ImportError, importAll } from '../transfer';

const USAGE = 'Usage: db migrate | db seed generated-N | db export [file] | db import [file]';

async function run(command: string | undefined, argument: string | undefined): Promise<string> {
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    switch (command) {
      case 'migrate':
        return `Migrations applied (${store.kind}).`;
      case 'seed': {
        const count = argument === undefined ? undefined : generatedCountOf(argument);
        if (count === undefined) throw new ImportError(`Seed what? generated-N with 0 <= N <= 20000, not "${argument ?? ''}".`);
        const started = performance.now();
        await seedGenerated(store, count);
        return `Loaded ${argument} (${count} comments) in ${Math.round(performance.now() - started)} ms (${store.kind}).`;
      }
      case 'export': {
        const file = await exportAll(store);
        const json = JSON.stringify(file);
        if (argument) writeFileSync(argument, json);
        else process.stdout.write(`${json}\n`);
        return `Exported ${file.articles.length} articles, ${file.comments.length} comments${argument ? ` to ${argument}` : ''}.`;
      }
      case 'import': {
        const text = readFileSync(argument ?? 0, 'utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new ImportError('The file is not JSON.');
        }
        const counts = await importAll(store, parsed);
        return `Imported ${counts.articles} articles, ${counts.comments} comments (${store.kind}).`;
      }
      default:
        throw new ImportError(USAGE);
    }
  } finally {
    await store.close();
  }
}

const [command, argument] = process.argv.slice(2);
run(command, argument).then(
  (message) => console.error(message),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof ImportError || error instanceof SeedError;
    console.error(known ? error.message : error);
    process.exitCode = 1;
  },
);
