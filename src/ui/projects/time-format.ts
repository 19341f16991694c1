// Times as the projects UI shows them: "just now", "5 min ago", "yesterday", a date for older ones,
// and the clock time of the last save ("12:03").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const two = (n: number) => String(n).padStart(2, '0');

/** "12:03" (24-hour, local time). */
export function formatClock(time: number): string {
  const d = new Date(time);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2025, 14:05" (local time). */
export function formatDateTime(time: number): string {
  const d = new Date(time);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${formatClock(time)}`;
}

/** How long ago `time` was, seen at `now`; a date once it is more than a week old. */
export function formatRelativeTime(time: number, now: number): string {
  const ago = now - time;
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.round(ago / HOUR)} h ago`;
  // Calendar days between the two dates (rounded: a DST change makes a day 23 or 25 hours).
  const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);
  const days = Math.round((midnight(now) - midnight(time)) / DAY);
  if (days <= 1) return `yesterday ${formatClock(time)}`;
  if (days < 7) return `${days} days ago`;
  const d = new Date(time);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${sameYear ? '' : ` ${d.getFullYear()}`}`;
}
