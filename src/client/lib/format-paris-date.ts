// Dates are shown as the seed shows them ("29/11/2015 à 11:37", "à 0:51": hour without a
// leading zero) in the publication's zone, whatever the reader's own zone; each language's
// catalogue says the word between date and time ("29/11/2015 at 11:37").
const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string) {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of parisParts.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return { ...parts, hour: Number(parts.hour) };
}

export function formatParisDateTime(iso: string, at = 'à'): string {
  const parts = partsOf(iso);
  return `${parts.day}/${parts.month}/${parts.year} ${at} ${parts.hour}:${parts.minute}`;
}

/** The time alone, "14 h 32" in French typography (`separator` ":" gives "14:32"). */
export function formatParisTime(iso: string, separator = ' h '): string {
  const { hour, minute } = partsOf(iso);
  return `${hour}${separator}${minute}`;
}
