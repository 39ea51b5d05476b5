import { formatDateTime, toZonedIso } from "@/lib/text/dates";

/** A publication time in the site's time zone, machine-readable in `datetime`. */
export function PublishedTime({ date, timeZone }: { date: string | Date; timeZone: string }) {
  const value = typeof date === "string" ? new Date(date) : date;
  return <time dateTime={toZonedIso(value, timeZone)}>{formatDateTime(value, timeZone)}</time>;
}
