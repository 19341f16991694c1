// How the material UI names families, patterns and projections.
import type { Projection } from '../../core/materials/material-ref';
import type { MaterialFamily } from '../../core/materials/preset';

const FAMILY_LABELS: Partial<Record<MaterialFamily, string>> = { scifi: 'Sci-fi' };

export function familyLabel(f: MaterialFamily): string {
  return FAMILY_LABELS[f] ?? f.charAt(0).toUpperCase() + f.slice(1);
}

export const PROJECTION_LABELS: Record<Projection, string> = {
  uv: 'UV',
  triplanar: 'Triplanar',
  box: 'Box',
  cylindrical: 'Cylindrical',
  spherical: 'Spherical',
};

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
