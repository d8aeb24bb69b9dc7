import { useSyncExternalStore } from 'react';

// One polite live region for the whole page, for short confirmations ("Lien copié"): a region
// per comment would put thousands of them in the accessibility tree of a large discussion.
let message = '';
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // Cleared first, so that the same words said twice are heard twice.
  message = '';
  listeners.forEach((listener) => listener());
  setTimeout(() => {
    message = text;
    listeners.forEach((listener) => listener());
  }, 50);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Announcer() {
  // Nothing is announced on the server: announcements answer what a reader does.
  const text = useSyncExternalStore(subscribe, () => message, () => '');
  return (
    <p role="status" className="visually-hidden" data-announcer="">
      {text}
    </p>
  );
}
