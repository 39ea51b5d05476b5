// Building an Intl.DateTimeFormat costs far more than formatting with one (it was most of a list
// page's render time: two per teaser), so each (kind, time zone) pair is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat("en-US", { timeZone, ...options })));
  return cached;
}

/** "November 18, 2024 08:04" in the site's time zone, as news sites print it. */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatter("date-time", timeZone, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(date)
    .replace(" at ", " ");
}

export function formatDate(date: Date, timeZone: string): string {
  return formatter("date", timeZone, { weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(date);
}

/** ISO 8601 with the site zone's offset, e.g. 2024-11-18T12:04:00+04:00, for <time datetime>. */
export function toZonedIso(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter("iso", timeZone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
