// The studio's side panel: the scene spec as a form (or JSON), "New from example", Generate with
// progress and Cancel. Collapses to a thin rail so the viewport can take the whole window.
// Generate's shortcuts (Ctrl+Enter, Esc) live in the studio's action table with the others.
import { useState } from 'react';
import { useStudio } from '../../state/store-context';
import type { ExampleSource } from './examples';
import { ExamplesMenu } from './ExamplesMenu';
import { GenerateBar } from './GenerateBar';
import { JsonTab } from './JsonTab';
import { SpecForm } from './SpecForm';
import type { GenerationControl } from './use-generation';

export interface SpecPanelProps {
  control: GenerationControl;
  examples: ExampleSource;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

type Tab = 'form' | 'json';

export function SpecPanel({ control, examples, collapsed, onCollapsedChange }: SpecPanelProps) {
  const [tab, setTab] = useState<Tab>('form');
  const generating = useStudio((s) => s.scene.status === 'generating');
  const setCollapsed = onCollapsedChange;

  if (collapsed) {
    return (
      <aside className="spec-panel spec-panel-collapsed" aria-label="Scene spec">
        <button
          type="button"
          className="spec-rail-button"
          aria-label="Show the spec panel"
          aria-expanded={false}
          title="Show the spec panel"
          onClick={() => setCollapsed(false)}
        >
          <span className="spec-rail-icon" aria-hidden="true" />
          <span className="spec-rail-label">Scene spec</span>
          {generating && <span className="spec-rail-busy" aria-label="Generating" />}
        </button>
      </aside>
    );
  }

  return (
    <aside className="spec-panel" aria-label="Scene spec" data-testid="spec-panel">
      <header className="spec-header">
        <h2>Scene spec</h2>
        <button
          type="button"
          className="spec-icon-button"
          aria-label="Hide the spec panel"
          aria-expanded={true}
          title="Hide the spec panel"
          onClick={() => setCollapsed(true)}
        >
          <span className="spec-collapse-icon" aria-hidden="true" />
        </button>
      </header>
      <div className="spec-toolbar">
        <ExamplesMenu source={examples} />
        <div className="spec-tabs" role="tablist" aria-label="Spec view">
          {(['form', 'json'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className="spec-tab"
              onClick={() => setTab(t)}
            >
              {t === 'form' ? 'Form' : 'JSON'}
            </button>
          ))}
        </div>
      </div>
      <div className="spec-body" role="tabpanel">
        {tab === 'form' ? <SpecForm /> : <JsonTab />}
      </div>
      <GenerateBar control={control} />
    </aside>
  );
}
