// Wall-clock times in the site's time zone ↔ instants, for the Schedule field
// (<input type="datetime-local"> has no zone of its own).

/** Minutes the zone is ahead of UTC at `instant`. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** "2026-12-02T14:30" read as a wall-clock time in `timeZone`; null when malformed. */
export function parseZonedLocalDateTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0));
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset across a DST change.
  let instant = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** The value for a datetime-local input showing `date` in `timeZone`. */
export function toZonedLocalInput(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(date.getTime(), timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
