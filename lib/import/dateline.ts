// Datelines such as "November 18, 2024 08:04", read as wall-clock time in the
// site's time zone. English month names are the documented form; Azerbaijani
// and Russian month names and the day-first order are accepted as well.

export interface DatelineFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ["january", "jan", "yanvar", "январь", "января", "янв"]],
  [2, ["february", "feb", "fevral", "февраль", "февраля", "фев"]],
  [3, ["march", "mar", "mart", "март", "марта"]],
  [4, ["april", "apr", "aprel", "апрель", "апреля", "апр"]],
  [5, ["may", "май", "мая"]],
  [6, ["june", "jun", "iyun", "июнь", "июня"]],
  [7, ["july", "jul", "iyul", "июль", "июля"]],
  [8, ["august", "aug", "avqust", "август", "августа", "авг"]],
  [9, ["september", "sep", "sept", "sentyabr", "сентябрь", "сентября", "сен"]],
  [10, ["october", "oct", "oktyabr", "октябрь", "октября", "окт"]],
  [11, ["november", "nov", "noyabr", "ноябрь", "ноября", "ноя"]],
  [12, ["december", "dec", "dekabr", "декабрь", "декабря", "дек"]],
];

/** Case- and diacritic-insensitive key, so "İyun", "iyun" and "IYUN" meet. */
function monthKey(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

const MONTHS = new Map(MONTH_NAMES.flatMap(([month, names]) => names.map((name) => [monthKey(name), month] as const)));

const TIME = String.raw`(?:,?\s+(?:at\s+)?(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?)?`;
const MONTH_FIRST = new RegExp(String.raw`^(?<month>\p{L}+)\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})${TIME}$`, "u");
const DAY_FIRST = new RegExp(String.raw`^(?<day>\d{1,2})\.?\s+(?<month>\p{L}+)\.?,?\s+(?<year>\d{4})${TIME}$`, "u");

/** The dateline's fields if the line has a dateline's shape (the date itself may still be impossible). */
export function matchDateline(line: string): DatelineFields | null {
  const text = line.trim();
  const groups = (MONTH_FIRST.exec(text) ?? DAY_FIRST.exec(text))?.groups;
  const month = groups && MONTHS.get(monthKey(groups.month ?? ""));
  if (!groups || !month) return null;
  return {
    year: Number(groups.year),
    month,
    day: Number(groups.day),
    hour: Number(groups.hour ?? 0),
    minute: Number(groups.minute ?? 0),
    second: Number(groups.second ?? 0),
  };
}

/** The instant a dateline names in `timeZone` (IANA), or null if the line is no valid dateline. */
export function parseDateline(line: string, timeZone: string): Date | null {
  const fields = matchDateline(line);
  if (!fields || !isValidWallTime(fields)) return null;
  return zonedWallTimeToDate(fields, timeZone);
}

function isValidWallTime({ year, month, day, hour, minute, second }: DatelineFields): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

const DAY_MS = 86_400_000;

/**
 * Wall-clock time in a zone → instant, resolving DST the way Temporal's
 * "compatible" option does: a time that occurs twice (clocks turned back)
 * means the earlier instant; a time skipped by clocks turned forward is moved
 * forward by the length of the gap.
 */
export function zonedWallTimeToDate(fields: DatelineFields, timeZone: string): Date {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  // Offsets a day either side bracket any single transition near this time.
  const offsetBefore = utcOffsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = utcOffsetAt(wall + DAY_MS, timeZone);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => instant + utcOffsetAt(instant, timeZone) === wall);
  return new Date(matching.length > 0 ? Math.min(...matching) : wall - offsetBefore);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function utcOffsetAt(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}
