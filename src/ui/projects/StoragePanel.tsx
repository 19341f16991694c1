// Storage and cache (a sidebar section): whether the browser keeps the studio's data (and a button
// to ask it to), how much of the quota is used, a warning where nothing can be kept (a private
// window), and the content cache's statistics: hits, misses, hit rate, and each tier's entries and
// bytes against its budget.
import { useEffect, useState } from 'react';
import type { ContentCache, ContentCacheStats } from '../../cache/content-cache';
import type { ProjectSession, StorageInfo } from '../../projects/project-session';
import { formatBytes, formatCount } from '../format';
import '../side-panel/side-panel.css';
import { hitRate, usageShare, usageText } from './storage-figures';
import { useCacheStats, useSession } from './use-session';
import './projects.css';

export interface StoragePanelProps {
  session: ProjectSession;
  cache: ContentCache;
  notify: (kind: 'error' | 'info', text: string) => void;
}

export function StoragePanel({ session, cache, notify }: StoragePanelProps) {
  const { storage } = useSession(session);
  const stats = useCacheStats(cache);
  const [asking, setAsking] = useState(false);

  // Usage changes as projects are saved; read it when the panel opens.
  useEffect(() => {
    void session.refreshStorage().catch(() => undefined);
  }, [session]);

  const ask = async () => {
    setAsking(true);
    try {
      const kept = await session.requestPersistence();
      if (kept === true) notify('info', 'The browser will keep the studio’s data');
      else if (kept === false) {
        notify('info', 'The browser declined: it may clear the studio’s data when space runs low');
      } else notify('info', 'This browser does not offer persistent storage');
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      setAsking(false);
    }
  };

  return (
    <div className="side-panel storage-panel" data-testid="storage">
      {!storage.available && (
        <p className="storage-warning" role="alert">
          Storage is unavailable: nothing will be kept when this tab closes.
          {storage.reason && <span className="storage-reason"> ({storage.reason})</span>}
        </p>
      )}
      {storage.available && (
        <dl className="storage-facts">
          <div>
            <dt>Kept by the browser</dt>
            <dd data-testid="storage-persisted">{persistedText(storage.persisted)}</dd>
          </div>
        </dl>
      )}
      {storage.available && storage.persisted !== true && (
        <div className="storage-row">
          <button
            type="button"
            className="side-button"
            disabled={asking}
            title="Ask the browser not to clear the studio's data when space runs low"
            onClick={() => void ask()}
          >
            Keep my data
          </button>
        </div>
      )}
      {storage.available && <UsageBar storage={storage} />}
      {storage.available && (
        <div className="storage-row">
          <button
            type="button"
            className="side-button"
            onClick={() => void session.refreshStorage().catch(() => undefined)}
          >
            Refresh
          </button>
        </div>
      )}
      <CacheStats stats={stats} />
    </div>
  );
}

function persistedText(persisted: boolean | null): string {
  if (persisted === true) return 'Yes';
  if (persisted === false) return 'No: it may be cleared when space runs low';
  return 'Not asked';
}

function UsageBar({ storage }: { storage: StorageInfo }) {
  if (storage.usage === undefined || storage.quota === undefined) {
    return <p className="side-empty">Usage and quota are not reported by this browser.</p>;
  }
  const share = usageShare(storage.usage, storage.quota);
  const percent = share * 100;
  const text = usageText(storage.usage, storage.quota);
  return (
    <div className="storage-usage">
      <div className="storage-usage-label">
        <span>Used</span>
        <span>{text}</span>
      </div>
      <div
        className={`storage-bar${share > 0.9 ? ' storage-bar-full' : ''}`}
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={text}
      >
        <span style={{ width: `${Math.max(percent, share > 0 ? 1 : 0)}%` }} />
      </div>
    </div>
  );
}

function CacheStats({ stats }: { stats: ContentCacheStats }) {
  const tiers: [string, ContentCacheStats['memory'] | null][] = [
    ['Memory', stats.memory],
    ['Disk', stats.disk],
  ];
  return (
    <section className="cache-stats" aria-label="Cache">
      <h3>Cache</h3>
      <dl className="storage-facts">
        <div>
          <dt>Hits</dt>
          <dd data-testid="cache-hits">
            {formatCount(stats.hits)}
            <span className="storage-muted">
              {' '}
              (memory {formatCount(stats.memoryHits)}, disk {formatCount(stats.diskHits)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Misses</dt>
          <dd data-testid="cache-misses">{formatCount(stats.misses)}</dd>
        </div>
        <div>
          <dt>Hit rate</dt>
          <dd data-testid="cache-hit-rate">{hitRate(stats.hits, stats.misses)}</dd>
        </div>
        <div>
          <dt>Shared requests</dt>
          <dd>{formatCount(stats.shared)}</dd>
        </div>
        <div>
          <dt>Evictions</dt>
          <dd>{formatCount(stats.evictions)}</dd>
        </div>
      </dl>
      <table className="cache-tiers">
        <caption className="visually-hidden">Cache tiers</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Entries</th>
            <th scope="col">Bytes</th>
            <th scope="col">Budget</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map(([name, tier]) => (
            <tr key={name} data-tier={name.toLowerCase()}>
              <th scope="row">{name}</th>
              {tier ? (
                <>
                  <td>{formatCount(tier.entries)}</td>
                  <td>{formatBytes(tier.bytes)}</td>
                  <td>{formatBytes(tier.budgetBytes)}</td>
                </>
              ) : (
                <td colSpan={3} className="storage-muted">
                  none (storage unavailable)
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
