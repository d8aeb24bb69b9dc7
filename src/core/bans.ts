// Banned authors. A ban is decided from one of the author's comments and names its email: from
// then on, comments from that email are refused at posting (post-comment.ts). Emails are compared
// trimmed and lower-cased, the way readers retype them.
import type { Ban } from '../shared/moderation-contract';
import type { AccessStore, BanRecord } from './access-store';
import { Problem } from './problem';
import type { StoreReads } from './store';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The contract's shape: field by field, as every view (views.ts). */
function toBan(record: BanRecord): Ban {
  return {
    id: record.id,
    email: record.email,
    author: record.author,
    reason: record.reason,
    moderator: record.moderator,
    createdAt: record.createdAt,
  };
}

export async function banAuthor(
  store: StoreReads & { access: AccessStore },
  commentId: string,
  decidedBy: { moderator: string; reason: string },
  options: { now: () => Date; newId: () => string },
): Promise<Ban> {
  const comment = await store.comment(commentId);
  if (!comment) throw new Problem('comment_not_found');
  const email = normaliseEmail(comment.email);
  const earlier = await store.access.ban(email);
  const record: BanRecord = {
    // Banning again keeps the ban's identity and updates its reason.
    id: earlier?.id ?? options.newId(),
    email,
    author: comment.author,
    reason: decidedBy.reason.trim(),
    moderator: decidedBy.moderator,
    createdAt: options.now().toISOString(),
  };
  await store.access.putBan(record);
  return toBan(record);
}

export async function listBans(access: AccessStore): Promise<Ban[]> {
  return (await access.bans()).map(toBan);
}

export async function liftBan(access: AccessStore, id: string): Promise<void> {
  if (!(await access.removeBan(id))) throw new Problem('ban_not_found');
}

export async function refuseBanned(access: AccessStore, email: string): Promise<void> {
  if (await access.ban(normaliseEmail(email))) throw new Problem('author_banned');
}
