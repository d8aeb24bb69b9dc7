// Moving a database: everything it holds as one JSON document (emails included: it is the
// owner's copy), and the same document read into an empty database of either kind. What
// moderators decided beyond comments (their accounts, bans, word lists) travels too; sessions
// and throttle counts do not: they are short-lived, and a restored server starts without them.
import type { BanRecord, ModeratorRecord, WordLists } from '../core/access-store';
import { parentsFirst } from '../core/count-discussion';
import type { Store, StoreDump } from '../core/store';

export const EXPORT_FORMAT = 'reagir-export';
export const EXPORT_VERSION = 1;

/** Moderators' accounts (password hashes only), bans and word lists; absent from older exports. */
export interface AccessExport {
  moderators: ModeratorRecord[];
  bans: BanRecord[];
  wordLists: WordLists;
}

export interface ExportFile extends StoreDump {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  access?: AccessExport;
}

export async function exportAll(store: Store, now = new Date()): Promise<ExportFile> {
  const access: AccessExport = {
    moderators: await store.access.moderators(),
    bans: await store.access.bans(),
    wordLists: await store.access.wordLists(),
  };
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...(await store.dump()), access };
}

function isExportFile(value: unknown): value is ExportFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<ExportFile>;
  return (
    file.format === EXPORT_FORMAT &&
    file.version === EXPORT_VERSION &&
    [file.articles, file.comments, file.reports, file.recommendations].every(Array.isArray)
  );
}

export class ImportError extends Error {}

/** Reads an export into `store`, which must be empty: all of it, in one transaction, or nothing. */
export async function importAll(store: Store, file: unknown): Promise<{ articles: number; comments: number }> {
  if (!isExportFile(file)) throw new ImportError(`Not a Réagir export (format "${EXPORT_FORMAT}", version ${EXPORT_VERSION}).`);
  if (!(await store.isEmpty())) throw new ImportError('The database is not empty: import into a new database.');
  await store.write(null, async (tx) => {
    for (const article of file.articles) await tx.insertArticle(article);
    // Parents before replies, whatever order the file has them in (a foreign key may check it).
    await tx.insertComments(parentsFirst(file.comments));
    await tx.insertReports(file.reports);
    await tx.insertRecommendations(file.recommendations);
  });
  if (file.access) {
    for (const moderator of file.access.moderators) await store.access.putModerator(moderator);
    for (const ban of file.access.bans) await store.access.putBan(ban);
    await store.access.setWordLists(file.access.wordLists);
  }
  return { articles: file.articles.length, comments: file.comments.length };
}
