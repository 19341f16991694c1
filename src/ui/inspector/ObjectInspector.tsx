// The inspector for one object: its name, what it is and where it came from, its transform,
// visibility and lock, and the spec section that made it. Every change is one edit; an edit that
// is refused shows its message beside the field that made it.
import { useMemo, useState } from 'react';
import {
  childrenOf,
  getObject,
  parseObjectId,
  partGroupLabel,
  type Command,
  type DocObject,
  type DocumentView,
} from '../../core/document';
import { resolvePreset } from '../../state/materials-slice';
import { useStudio, useStudioStore } from '../../state/store-context';
import { formatCount } from '../format';
import { FlagBoxes } from './FlagBoxes';
import { InlineError } from './InlineError';
import { NameField } from './NameField';
import { SpecSection } from './SpecSection';
import { TransformGrid } from './TransformGrid';
import { decomposeMatrix, withField, type Axis, type FieldGroup } from './transform-fields';

type Where = 'name' | 'transform' | 'flags';

const KIND_LABEL: Record<DocObject['kind'], string> = {
  generated: 'Generated',
  asset: 'Imported model',
  part: 'Copy',
  group: 'Group',
};

const AXIS_NAMES = ['X', 'Y', 'Z'];
const GROUP_NAMES: Record<FieldGroup, string> = {
  position: 'Position',
  rotation: 'Rotation',
  scale: 'Scale',
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The facts shown under the name: kind, part or file, id. */
function Facts({ doc, obj }: { doc: DocumentView; obj: DocObject }) {
  const assetName = useStudio((s) =>
    obj.kind === 'asset' && obj.origin ? s.doc.assets[obj.origin]?.name : undefined,
  );
  const presetName = useStudio((s) =>
    obj.material ? resolvePreset(s, obj.material.preset)?.name : undefined,
  );
  const materialText = obj.material
    ? `${presetName ?? obj.material.preset} · ${obj.material.projection ?? 'uv'}${
        obj.material.blend ? ' · blended' : ''
      }`
    : 'Default';
  const part = obj.part ? doc.index.partByKey.get(obj.part) : undefined;
  const rows: [string, string, boolean?][] = [];
  if (obj.kind === 'generated' && part) {
    const instance = parseObjectId(obj.id)?.instance ?? 0;
    const of = part.count > 1 ? ` · ${instance + 1} of ${formatCount(part.count)}` : '';
    rows.push(['Kind', `${KIND_LABEL.generated}${of}`]);
    rows.push(['Part', partGroupLabel(part.key, part.count)]);
    rows.push(['Origin', part.source, true]);
  } else if (obj.kind === 'asset') {
    rows.push(['Kind', KIND_LABEL.asset]);
    rows.push(['File', assetName ?? 'not loaded']);
    if (obj.origin) rows.push(['Asset', `${obj.origin.slice(0, 12)}…`, true]);
  } else if (obj.kind === 'part') {
    rows.push(['Kind', `${KIND_LABEL.part} of ${obj.part ? partGroupLabel(obj.part, 1) : '?'}`]);
    if (part) rows.push(['Origin', part.source, true]);
  } else if (obj.kind === 'group') {
    const n = childrenOf(doc, obj.id).length;
    rows.push(['Kind', `${KIND_LABEL.group} · ${n} ${n === 1 ? 'object' : 'objects'}`]);
  }
  if (obj.parent) rows.push(['In group', getObject(doc, obj.parent)?.name ?? obj.parent]);
  if (obj.kind !== 'group') rows.push(['Material', materialText]);
  rows.push(['Id', obj.id, true]);
  return (
    <dl className="inspector-facts">
      {rows.map(([term, text, mono]) => (
        <div key={term} className="inspector-fact">
          <dt>{term}</dt>
          <dd className={mono ? 'inspector-mono' : undefined} title={text}>
            {text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface ObjectInspectorProps {
  id: string;
  onEditSpec?: (path: string) => void;
}

export function ObjectInspector({ id, onEditSpec }: ObjectInspectorProps) {
  const store = useStudioStore();
  const index = useStudio((s) => s.doc.index);
  const layer = useStudio((s) => s.doc.layer);
  const doc = useMemo<DocumentView>(() => ({ index, layer }), [index, layer]);
  const obj = useMemo(() => getObject(doc, id), [doc, id]);
  const fields = useMemo(() => (obj ? decomposeMatrix(obj.world) : null), [obj]);
  const [error, setError] = useState<{ where: Where; text: string } | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);

  if (!obj || !fields) return null;

  const run = (where: Where, command: Command): boolean => {
    try {
      store.getState().edit(command);
      setError(null);
      setInvalid(null);
      return true;
    } catch (e) {
      setError({ where, text: errorText(e) });
      return false;
    }
  };

  const onCommit = (group: FieldGroup, axis: Axis, value: number) => {
    const m = withField(obj.world, group, axis, value);
    if (m.every((v, i) => v === obj.world[i])) {
      setInvalid(null);
      return;
    }
    run('transform', { type: 'setWorld', ids: [id], matrices: [m] });
  };
  const onInvalid = (group: FieldGroup, axis: Axis, text: string) => {
    setInvalid(`${group}.${axis}`);
    const name = `${GROUP_NAMES[group]} ${AXIS_NAMES[axis]}`;
    setError({ where: 'transform', text: `${name}: "${text.trim()}" is not a number` });
  };

  const part = obj.part ? index.partByKey.get(obj.part) : undefined;
  const specPath = part?.source;
  const lockedByGroup = obj.locked && layer.records[id]?.locked !== true;
  const hiddenByGroup = !obj.visible && !obj.hidden;

  return (
    <div className="inspector-object">
      <div className="inspector-name-row">
        <NameField
          name={obj.name}
          invalid={error?.where === 'name'}
          onCommit={(name) => run('name', { type: 'rename', id, name })}
        />
      </div>
      {error?.where === 'name' && (
        <InlineError text={error.text} onDismiss={() => setError(null)} />
      )}
      <Facts doc={doc} obj={obj} />

      <section className="inspector-section" aria-label="Transform">
        <header className="inspector-section-header">
          <h3>Transform</h3>
          <span className="inspector-section-note">world</span>
        </header>
        {obj.locked && (
          <p className="inspector-note inspector-locked">
            {lockedByGroup ? 'Locked by its group. ' : 'Locked. '}Unlock to move, rotate or scale.
          </p>
        )}
        <TransformGrid
          values={fields}
          disabled={obj.locked}
          invalid={invalid}
          onCommit={onCommit}
          onInvalid={onInvalid}
        />
        {error?.where === 'transform' && (
          <InlineError text={error.text} onDismiss={() => setError(null)} />
        )}
      </section>

      <FlagBoxes
        visible={{ checked: !obj.hidden, note: hiddenByGroup ? 'hidden by its group' : undefined }}
        locked={{
          checked: layer.records[id]?.locked === true,
          note: lockedByGroup ? 'locked by its group' : undefined,
        }}
        onVisible={(on) => run('flags', { type: 'setHidden', ids: [id], hidden: !on })}
        onLocked={(on) => run('flags', { type: 'setLocked', ids: [id], locked: on })}
      />
      {error?.where === 'flags' && (
        <InlineError text={error.text} onDismiss={() => setError(null)} />
      )}

      {specPath && <SpecSection path={specPath} onEditSpec={onEditSpec} />}
    </div>
  );
}
