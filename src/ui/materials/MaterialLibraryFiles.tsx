// Material library files: Export downloads the user's presets as a library JSON file; Import reads
// one through a file picker, validates all of it (library-file.ts) and adds its presets. A bad file
// changes nothing: its LibraryFileError message is shown as a notice.
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { SHIPPED_PRESETS } from '../../core/materials/library';
import { exportLibraryFile, parseLibraryFile } from '../../core/materials/library/library-file';
import type { StudioStore } from '../../state/store';

export interface MaterialLibraryHandle {
  openPicker(): void;
  exportLibrary(): void;
}

export const LIBRARY_FILE_NAME = 'canvas3d-materials.json';

export const MaterialLibraryFiles = forwardRef<MaterialLibraryHandle, { store: StudioStore }>(
  function MaterialLibraryFiles({ store }, ref) {
    const input = useRef<HTMLInputElement>(null);

    useImperativeHandle(
      ref,
      () => ({
        openPicker: () => input.current?.click(),
        exportLibrary() {
          const s = store.getState();
          const presets = s.materials.userPresets;
          if (presets.length === 0) {
            s.notify(
              'info',
              'No presets of your own to export yet: save one from the editor first',
            );
            return;
          }
          let text: string;
          try {
            text = exportLibraryFile(presets);
          } catch (error) {
            s.notify('error', error instanceof Error ? error.message : String(error));
            return;
          }
          const blob = new Blob([text], { type: 'application/json' });
          const url = URL.createObjectURL(blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = LIBRARY_FILE_NAME;
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          s.notify(
            'info',
            `Exported ${presets.length} preset${presets.length === 1 ? '' : 's'} to ${LIBRARY_FILE_NAME}`,
          );
        },
      }),
      [store],
    );

    const importText = (text: string, name: string) => {
      const s = store.getState();
      try {
        const { presets, renamed } = parseLibraryFile(text, {
          reservedIds: SHIPPED_PRESETS.map((p) => p.id),
        });
        const { added, replaced } = s.userPresetsImported(presets);
        const parts = [`${added} new preset${added === 1 ? '' : 's'}`];
        if (replaced) parts.push(`${replaced} updated`);
        if (renamed.length) parts.push(`${renamed.length} renamed under user/`);
        s.notify('info', `Imported ${name}: ${parts.join(', ')}`);
      } catch (error) {
        // LibraryFileError names what is wrong with the file; anything else is reported as is.
        s.notify('error', `${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

    return (
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Import material library"
        data-testid="material-library-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          file.text().then(
            (text) => importText(text, file.name),
            (error: unknown) => store.getState().notify('error', `${file.name}: ${String(error)}`),
          );
        }}
      />
    );
  },
);
