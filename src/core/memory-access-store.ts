// The access store in memory: the mock's (which forgets it on reload) and the tests'.
import type { AccessStore, BanRecord, ModeratorRecord, SessionRecord, ThrottleCount, WordLists } from './access-store';

export function createMemoryAccessStore(): AccessStore {
  const moderators = new Map<string, ModeratorRecord>();
  const sessions = new Map<string, SessionRecord>();
  const counts = new Map<string, ThrottleCount>();
  const bans = new Map<string, BanRecord>();
  let lists: WordLists = { banned: [], suspect: [] };

  const current = (key: string, windowMs: number, nowMs: number) => {
    const count = counts.get(key);
    return count && nowMs < count.windowStartMs + windowMs ? count : undefined;
  };

  return {
    async moderator(name) {
      const found = moderators.get(name);
      return found && { ...found };
    },
    async moderators() {
      return [...moderators.values()].map((record) => ({ ...record })).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async putModerator(record) {
      const earlier = moderators.get(record.name);
      if (earlier) for (const [hash, session] of sessions) if (session.moderator === record.name) sessions.delete(hash);
      moderators.set(record.name, { ...record, createdAt: earlier?.createdAt ?? record.createdAt });
    },
    async removeModerator(name) {
      for (const [hash, session] of sessions) if (session.moderator === name) sessions.delete(hash);
      return moderators.delete(name);
    },
    async session(tokenHash) {
      const found = sessions.get(tokenHash);
      return found && { ...found };
    },
    async insertSession(record) {
      sessions.set(record.tokenHash, { ...record });
    },
    async touchSession(tokenHash, lastSeenMs) {
      const found = sessions.get(tokenHash);
      if (found) found.lastSeenMs = lastSeenMs;
    },
    async deleteSession(tokenHash) {
      sessions.delete(tokenHash);
    },
    async hit(key, windowMs, nowMs) {
      const running = current(key, windowMs, nowMs);
      const next = running ? { count: running.count + 1, windowStartMs: running.windowStartMs } : { count: 1, windowStartMs: nowMs };
      counts.set(key, next);
      return { ...next };
    },
    async peek(key, windowMs, nowMs) {
      const running = current(key, windowMs, nowMs);
      return running && { ...running };
    },
    async ban(email) {
      const found = [...bans.values()].find((ban) => ban.email === email);
      return found && { ...found };
    },
    async bans() {
      return [...bans.values()].map((ban) => ({ ...ban })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async putBan(record) {
      for (const [id, ban] of bans) if (ban.email === record.email) bans.delete(id);
      bans.set(record.id, { ...record });
    },
    async removeBan(id) {
      return bans.delete(id);
    },
    async wordLists() {
      return { banned: [...lists.banned], suspect: [...lists.suspect] };
    },
    async setWordLists(next) {
      lists = { banned: [...next.banned], suspect: [...next.suspect] };
    },
    async forget({ countsBeforeMs, sessionsBeforeMs, sessionsCreatedBeforeMs }) {
      for (const [key, count] of counts) if (count.windowStartMs < countsBeforeMs) counts.delete(key);
      for (const [hash, session] of sessions) {
        if (session.lastSeenMs < sessionsBeforeMs || session.createdMs < sessionsCreatedBeforeMs) sessions.delete(hash);
      }
    },
  };
}
