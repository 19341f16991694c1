// The badge in the corner: which render backend is live (WebGPU, or WebGL2 as a visible fallback),
// the adapter, and where compute runs (GPU kernels or their CPU references).
import { useStudio } from '../state/store-context';

export function StatusBadge() {
  const renderer = useStudio((s) => s.renderer);
  const compute = useStudio((s) => s.compute);

  const backendLabel =
    renderer.status === 'failed'
      ? 'No renderer'
      : renderer.backend === 'webgpu'
        ? 'WebGPU'
        : renderer.backend === 'webgl2'
          ? 'WebGL2 fallback'
          : 'Starting…';
  const tone =
    renderer.status === 'failed' ? 'error' : renderer.backend === 'webgl2' ? 'warn' : 'ok';
  const computeLabel =
    compute.info?.backend === 'webgpu'
      ? 'compute on GPU'
      : compute.info?.backend === 'cpu'
        ? 'compute on CPU (slower)'
        : compute.status === 'failed'
          ? 'compute failed'
          : 'compute starting…';

  return (
    <div className={`status-badge status-${tone}`} data-testid="status-badge" role="status">
      <strong data-testid="backend">{backendLabel}</strong>
      <span data-testid="adapter">{renderer.adapter ?? renderer.error ?? ''}</span>
      <span data-testid="compute">{computeLabel}</span>
      {renderer.backend === 'webgl2' && (
        <span className="status-note">
          WebGPU is unavailable here, so the studio renders on WebGL2. Use a current Chrome or Edge
          with WebGPU for full speed.
        </span>
      )}
      {compute.info?.fallbackReason && (
        <span className="status-note">{compute.info.fallbackReason}</span>
      )}
      {compute.error && <span className="status-note">{compute.error}</span>}
    </div>
  );
}
