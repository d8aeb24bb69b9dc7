// Pseudo and email are remembered in this browser for the reader's next comment.
import { IDENTITY_KEY as STORAGE_KEY } from './form-storage-keys';

export interface Identity {
  author: string;
  email: string;
}

export function loadIdentity(): Identity {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof saved === 'object' && saved !== null) {
      const { author, email } = saved as Record<string, unknown>;
      return { author: typeof author === 'string' ? author : '', email: typeof email === 'string' ? email : '' };
    }
  } catch {
    // Unreadable or refused storage: start with empty fields.
  }
  return { author: '', email: '' };
}

export function rememberIdentity(identity: Identity): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Storage full or refused: the reader will type them again next time.
  }
}
