// Runs the Khronos glTF validator on GLB bytes, with an issue cap (a broken file can report millions)
// and no external resources (an exported GLB must be self-contained).
import validator, { type ValidationReport } from 'gltf-validator';

const SEVERITY = ['error', 'warning', 'info', 'hint'];

export interface GlbValidation {
  report: ValidationReport;
  numErrors: number;
  numWarnings: number;
  /** Errors and warnings, one per line, for a failing assertion's message. */
  describe(): string;
}

export async function validateGlb(bytes: Uint8Array, maxIssues = 100): Promise<GlbValidation> {
  const report = await validator.validateBytes(bytes, {
    format: 'glb',
    maxIssues,
    externalResourceFunction: (uri) => Promise.reject(new Error(`external resource ${uri}`)),
  });
  return {
    report,
    numErrors: report.issues.numErrors,
    numWarnings: report.issues.numWarnings,
    describe: () =>
      report.issues.messages
        .filter((m) => m.severity <= 1)
        .map((m) => `${SEVERITY[m.severity]} ${m.code} at ${m.pointer ?? m.offset}: ${m.message}`)
        .join('\n'),
  };
}
