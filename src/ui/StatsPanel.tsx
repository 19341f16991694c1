// The scene's statistics over the viewport: what it holds (every count the generators report),
// its geometry and memory, the time per generation phase, and the short content hash. Changes only
// when a generation finishes.
import { useState } from 'react';
import type { SceneStats } from '../core/scene/scene-data';
import { useStudio } from '../state/store-context';
import { formatBytes, formatCount, formatMs } from './format';

function Row({ name, value, stat }: { name: string; value: string; stat: string }) {
  return (
    <div className="stats-row">
      <dt>{name}</dt>
      <dd data-stat={stat}>{value}</dd>
    </div>
  );
}

/** Counts grouped by what reports them: "terrain.cells.sand" → terrain: Cells sand. */
function groupCounts(counts: Record<string, number>): [string, [string, string, number][]][] {
  const groups = new Map<string, [string, string, number][]>();
  for (const [key, n] of Object.entries(counts)) {
    const at = key.indexOf('.');
    const group = at < 0 ? 'scene' : key.slice(0, at);
    const words = (at < 0 ? key : key.slice(at + 1))
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replaceAll('.', ' ')
      .toLowerCase();
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push([key, words.charAt(0).toUpperCase() + words.slice(1), n]);
  }
  return [...groups];
}

function StatsBody({ stats }: { stats: SceneStats }) {
  const phases = Object.entries(stats.phases);
  const total = phases.reduce((sum, [, ms]) => sum + ms, 0);
  return (
    <div className="stats-columns">
      <dl className="stats-block">
        <div className="stats-heading">Geometry</div>
        <Row name="Meshes" stat="meshes" value={formatCount(stats.meshes)} />
        <Row name="Instances" stat="instances" value={formatCount(stats.instances)} />
        <Row name="Vertices" stat="vertices" value={formatCount(stats.vertices)} />
        <Row name="Triangles" stat="triangles" value={formatCount(stats.triangles)} />
        <Row name="Draw calls" stat="drawCalls" value={formatCount(stats.drawCalls)} />
        <Row name="Memory" stat="bytes" value={formatBytes(stats.bytes)} />
      </dl>
      {groupCounts(stats.counts).map(([group, rows]) => (
        <dl className={`stats-block${rows.length > 6 ? ' stats-block-wide' : ''}`} key={group}>
          <div className="stats-heading">{group}</div>
          {rows.map(([key, name, n]) => (
            <Row key={key} name={name} stat={`counts.${key}`} value={formatCount(n)} />
          ))}
        </dl>
      ))}
      <dl className="stats-block">
        <div className="stats-heading">Timings</div>
        {phases.map(([phase, ms]) => (
          <Row key={phase} name={phase} stat={`phases.${phase}`} value={formatMs(ms)} />
        ))}
        <div className="stats-row stats-total">
          <dt>total</dt>
          <dd data-stat="total">{formatMs(total)}</dd>
        </div>
      </dl>
    </div>
  );
}

export function StatsPanel() {
  const stats = useStudio((s) => s.scene.data?.stats);
  const name = useStudio((s) => s.scene.data?.name);
  const hash = useStudio((s) => s.scene.hash);
  // Starts folded to its header (name and hash), so it does not cover the scene being edited.
  const [open, setOpen] = useState(false);
  if (!stats) return null;
  return (
    <section className="stats-panel" aria-label="Scene statistics" data-testid="stats-panel">
      <header className="stats-header">
        <button
          type="button"
          className="stats-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span className="spec-chevron" aria-hidden="true" data-open={open} />
          <span className="stats-title">{name ?? 'Scene'}</span>
        </button>
        {hash && (
          <code className="stats-hash" data-testid="scene-hash" title={`Scene hash ${hash}`}>
            {hash.slice(0, 12)}
          </code>
        )}
      </header>
      {open && <StatsBody stats={stats} />}
    </section>
  );
}
