// The storage section's figures as text: the share of the quota used and the cache's hit rate.
import { formatBytes } from '../format';

/** Usage as a share of the quota, 0..1 (0 when either is unknown). */
export function usageShare(usage?: number, quota?: number): number {
  if (usage === undefined || !quota || quota <= 0) return 0;
  return Math.min(1, Math.max(0, usage / quota));
}

/** "12.3 MiB of 2.00 GiB (0.60%)": whole percents from 1%, two decimals below. */
export function usageText(usage: number, quota: number): string {
  const percent = usageShare(usage, quota) * 100;
  const shown = percent >= 1 || percent === 0 ? percent.toFixed(0) : percent.toFixed(2);
  return `${formatBytes(usage)} of ${formatBytes(quota)} (${shown}%)`;
}

/** Hit rate as text: "87.5%", or "–" before any lookup. */
export function hitRate(hits: number, misses: number): string {
  const total = hits + misses;
  return total === 0 ? '–' : `${((hits / total) * 100).toFixed(1)}%`;
}
