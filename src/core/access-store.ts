// What the core asks of a store to keep the discussion safe: moderator accounts and their
// sessions, throttle counts, banned authors and the word lists. Kept apart from the discussion's
// own reads and writes (store.ts): none of it is part of a thread, and each operation is one
// statement that needs no transaction around it (a throttle count is one atomic upsert).

/** A moderator account; the password only as the hash the server's password module made. */
export interface ModeratorRecord {
  name: string;
  passwordHash: string;
  createdAt: string;
}

/** A signed-in moderator's session, found by the SHA-256 of its cookie's random token. */
export interface SessionRecord {
  tokenHash: string;
  moderator: string;
  createdMs: number;
  lastSeenMs: number;
}

/** An author banned by a moderator: further comments from this email are refused. */
export interface BanRecord {
  id: string;
  /** Trimmed and lower-cased (bans.ts), as every email is compared. */
  email: string;
  /** The pseudo of the comment the ban was decided from, for the moderators' list. */
  author: string;
  reason: string;
  moderator: string;
  createdAt: string;
}

export interface WordLists {
  /** A comment containing one of these is refused at posting. */
  banned: string[];
  /** A comment containing one of these goes to the queue marked "Mots surveillés". */
  suspect: string[];
}

/** Events counted for one key in its current fixed window. */
export interface ThrottleCount {
  count: number;
  windowStartMs: number;
}

export interface AccessStore {
  moderator(name: string): Promise<ModeratorRecord | undefined>;
  /** Oldest first. */
  moderators(): Promise<ModeratorRecord[]>;
  /** Adds the account, or replaces its password and ends its sessions (it may have leaked). */
  putModerator(record: ModeratorRecord): Promise<void>;
  /** Removes the account and ends its sessions; false when there was none. */
  removeModerator(name: string): Promise<boolean>;

  session(tokenHash: string): Promise<SessionRecord | undefined>;
  insertSession(record: SessionRecord): Promise<void>;
  touchSession(tokenHash: string, lastSeenMs: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;

  /**
   * Counts one event for `key`, atomically, in a fixed window of `windowMs` that starts with
   * the first event after the previous window ended; answers the count including this event.
   */
  hit(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount>;
  /** The count in the current window, without counting (undefined when none or ended). */
  peek(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount | undefined>;

  ban(email: string): Promise<BanRecord | undefined>;
  /** Newest first. */
  bans(): Promise<BanRecord[]>;
  /** Adds the ban, or replaces the one on the same email. */
  putBan(record: BanRecord): Promise<void>;
  /** False when no ban had this id. */
  removeBan(id: string): Promise<boolean>;

  wordLists(): Promise<WordLists>;
  setWordLists(lists: WordLists): Promise<void>;

  /**
   * Forgets throttle counts whose window started before `countsBeforeMs` (what remains of a
   * client address, hashed, goes with them) and sessions last seen before `sessionsBeforeMs`
   * or created before `sessionsCreatedBeforeMs`.
   */
  forget(limits: { countsBeforeMs: number; sessionsBeforeMs: number; sessionsCreatedBeforeMs: number }): Promise<void>;
}
