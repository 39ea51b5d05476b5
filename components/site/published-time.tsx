import { formatDateTime, toZonedIso } from "@/lib/text/dates";

export function PublishedTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={toZonedIso(date, timeZone)}>{formatDateTime(date, timeZone)}</time>;
}
