// Seeds a database with the 20,000-comment generated discussion, times the seeding, and prints
// the plan of each query a page of the discussion or a moderation tab runs — the evidence in
// docs/decisions/002-storage.md that they walk indexes rather than the comments.
//   npx tsx src/server/store/query-plans.ts                     SQLite, in a temporary directory
//   npx tsx src/server/store/query-plans.ts postgres://…/test   PostgreSQL, in a schema dropped afterwards
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, type Compilable, sql } from 'kysely';
import { countDiscussion } from '../../core/count-discussion';
import { threadKeyOf } from '../../core/thread-order';
import { generatedArticle, generatedComments } from '../../fixtures/generated-article';
import { migrateToLatest, openDatabase } from './database';
import { createSqlStore } from './sql-store';
import { ancestorsQuery, type Db, firstRepliesQuery, moderationQueueQuery, repliesQuery, topLevelQuery } from './thread-queries';

const COMMENTS = 20_000;
const postgresUrl = process.argv[2] ?? null;
const schema = `reagir_plans_${process.pid}`;

/** The URL with a search_path to a schema of our own, so that nothing else in the database is touched. */
function inSchema(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function explain(db: Db, postgres: boolean, query: Compilable): Promise<string> {
  const { sql: text, parameters } = query.compile();
  // PostgreSQL runs it (ANALYZE) to show the rows each node actually read.
  const prefix = postgres ? 'explain (analyze, costs off, timing off, summary off) ' : 'explain query plan ';
  const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + text, [...parameters]));
  if (postgres) return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((row) => {
      const level = (depth.get(Number(row.parent)) ?? 0) + 1;
      depth.set(Number(row.id), level);
      return `${'  '.repeat(level)}${String(row.detail)}`;
    })
    .join('\n');
}

/** The report, printed once the database is cleaned up: a reader that stops early (`| head`) cannot leave a schema behind. */
const report: string[] = [];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reagir-plans-'));
  if (postgresUrl !== null) {
    const admin = await openDatabase(postgresUrl, dataDir);
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.db.destroy();
  }
  const { db, kind } = await openDatabase(postgresUrl === null ? null : inSchema(postgresUrl), dataDir);
  const postgres = kind === 'postgres';
  try {
    await migrateToLatest(db, kind);
    const store = createSqlStore(db, kind);
    // One comment in 97 waits for moderation, so that the pending queue has something to show.
    const stored = generatedComments(COMMENTS).map((comment, index) => (index % 97 === 96 ? { ...comment, status: 'pending' as const } : comment));
    const { article, comments } = countDiscussion(generatedArticle(COMMENTS), stored);
    const started = performance.now();
    await store.write(null, async (tx) => {
      await tx.insertArticle(article);
      await tx.insertComments(comments);
      // 40 reports on 40 comments, one in four answered: the reported queue's few candidates.
      await tx.insertReports(
        Array.from({ length: 40 }, (_, index) => ({
          commentId: (comments[index * 487] as (typeof comments)[number]).id,
          reason: 'spam' as const,
          details: '',
          clientToken: `reader-${index}`,
          createdAt: new Date(Date.UTC(2016, 0, 1, 0, index)).toISOString(),
          answered: index % 4 === 0,
        })),
      );
    });
    report.push(`# ${kind}: ${COMMENTS} comments seeded in ${Math.round(performance.now() - started)} ms\n`);
    // PostgreSQL's autovacuum analyses a table this size within a minute; do it now.
    if (postgres) await sql`analyze`.execute(db);

    const slug = article.article.slug;
    const newest = await store.topLevel(slug, 'newest', null, 21);
    const byReplies = await store.topLevel(slug, 'replies', null, 21);
    const popular = byReplies[0]?.id ?? '';
    const popularReplies = await store.replies(popular, null, 3);
    const depth = new Map<string, number>();
    for (const comment of comments) depth.set(comment.id, comment.parentId === null ? 0 : (depth.get(comment.parentId) ?? 0) + 1);
    const deepest = comments.reduce((deep, comment) => ((depth.get(comment.id) ?? 0) > (depth.get(deep.id) ?? 0) ? comment : deep));
    const lastOf = <T>(list: readonly T[]) => list.at(-1) as T;

    const queries: Array<[string, Compilable]> = [
      ['First page, newest', topLevelQuery(db, slug, 'newest', null, 21)],
      ['Next page, newest', topLevelQuery(db, slug, 'newest', threadKeyOf(lastOf(newest), 'newest'), 21)],
      ['First page, replies', topLevelQuery(db, slug, 'replies', null, 21)],
      ['Next page, replies', topLevelQuery(db, slug, 'replies', threadKeyOf(lastOf(byReplies), 'replies'), 21)],
      ['First page, oldest', topLevelQuery(db, slug, 'oldest', null, 21)],
      ['First page, recommended', topLevelQuery(db, slug, 'recommended', null, 21)],
      ['First 3 replies of each comment of the first page, replies order (20 parents)', firstRepliesQuery(db, kind, byReplies.slice(0, 20).map((c) => c.id), 3)],
      [`Replies page of the most answered comment (${popular}), after its 3rd reply`, repliesQuery(db, popular, { time: lastOf(popularReplies).createdMs, id: lastOf(popularReplies).id }, 51)],
      ['Moderation queue, pending', moderationQueueQuery(db, 'pending', 100)],
      ['Moderation queue, reported', moderationQueueQuery(db, 'reported', 100)],
      [`Ancestors of ${deepest.id}, ${depth.get(deepest.id)} levels down`, ancestorsQuery(db, deepest.id)],
    ];
    for (const [title, query] of queries) {
      report.push(`## ${title}\n\n\`\`\`sql\n${query.compile().sql}\n\`\`\`\n\n\`\`\`\n${await explain(db, postgres, query)}\n\`\`\`\n`);
    }
  } finally {
    if (postgres) await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
console.log(report.join('\n'));
