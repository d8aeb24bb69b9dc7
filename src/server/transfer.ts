// Moving a database: everything it holds as one JSON document (emails included: it is the
// owner's copy), and the same document read into an empty database of either kind.
import { parentsFirst } from '../core/count-discussion';
import type { Store, StoreDump } from '../core/store';

export const EXPORT_FORMAT = 'reagir-export';
export const EXPORT_VERSION = 1;

export interface ExportFile extends StoreDump {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
}

export async function exportAll(store: Store, now = new Date()): Promise<ExportFile> {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...(await store.dump()) };
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
  return { articles: file.articles.length, comments: file.comments.length };
}
