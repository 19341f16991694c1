// Owns one GPUDevice for compute: acquires it lazily with its adapter info and limits, notices when
// it is lost, and re-creates it. Work goes through withDevice(), which re-runs the work on a fresh
// device when the device was lost under it.

export interface GpuDeviceInfo {
  adapter: string;
  architecture: string;
  isFallbackAdapter: boolean;
  limits: {
    maxComputeWorkgroupsPerDimension: number;
    maxStorageBufferBindingSize: number;
    maxBufferSize: number;
    maxComputeInvocationsPerWorkgroup: number;
  };
}

export interface GpuContextOptions {
  gpu: GPU;
  powerPreference?: GPUPowerPreference;
  /** Times a piece of work is re-run after its device was lost. */
  maxLossRetries?: number;
  onDeviceLost?: (info: { reason: string; message: string; losses: number }) => void;
  /** Called for GPU errors no error scope caught; by default they are logged as errors. */
  onUncapturedError?: (message: string) => void;
}

export class GpuUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GpuUnavailableError';
  }
}

export function describeAdapter(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.architecture, info.device, info.description].filter(
    (s, i, all) => s && all.indexOf(s) === i,
  );
  return parts.join(' ') || 'unknown adapter';
}

interface Held {
  device: GPUDevice;
  info: GpuDeviceInfo;
  lost: boolean;
}

export class GpuContext {
  private held: Held | undefined;
  private pending: Promise<Held> | undefined;
  private disposed = false;
  private losses = 0;
  private readonly maxLossRetries: number;

  constructor(private readonly options: GpuContextOptions) {
    this.maxLossRetries = options.maxLossRetries ?? 2;
  }

  /** How many times a device was lost since this context was made. */
  get lossCount(): number {
    return this.losses;
  }

  async device(): Promise<{ device: GPUDevice; info: GpuDeviceInfo }> {
    const held = await this.acquire();
    return { device: held.device, info: held.info };
  }

  /**
   * Runs work on the current device. If the device is lost while it runs (driver reset,
   * device.destroy()), the work is re-run on a new device, up to maxLossRetries times.
   */
  async withDevice<T>(work: (device: GPUDevice, info: GpuDeviceInfo) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const held = await this.acquire();
      try {
        return await work(held.device, held.info);
      } catch (error) {
        // A lost device makes pending work fail in several ways (AbortError from mapAsync,
        // OperationError, "Instance dropped"); give the lost promise a moment to settle.
        await Promise.race([held.device.lost, new Promise((r) => setTimeout(r, 50))]);
        if (!held.lost || attempt >= this.maxLossRetries) throw error;
      }
    }
  }

  /** Destroys the device; a later call acquires a new one unless the context is disposed. */
  dispose(): void {
    this.disposed = true;
    this.held?.device.destroy();
    this.held = undefined;
  }

  private acquire(): Promise<Held> {
    if (this.disposed) return Promise.reject(new GpuUnavailableError('GPU context was disposed'));
    if (this.held && !this.held.lost) return Promise.resolve(this.held);
    this.pending ??= this.create().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async create(): Promise<Held> {
    const adapter = await this.options.gpu.requestAdapter({
      powerPreference: this.options.powerPreference ?? 'high-performance',
    });
    if (!adapter) throw new GpuUnavailableError('WebGPU is present but offered no adapter');
    const l = adapter.limits;
    const device = await adapter.requestDevice({
      label: 'Canvas3D.compute',
      requiredLimits: {
        maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
        maxBufferSize: l.maxBufferSize,
      },
    });
    const info: GpuDeviceInfo = {
      adapter: describeAdapter(adapter.info),
      architecture: adapter.info?.architecture ?? '',
      isFallbackAdapter: Boolean(
        (adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean })?.isFallbackAdapter,
      ),
      limits: {
        maxComputeWorkgroupsPerDimension: device.limits.maxComputeWorkgroupsPerDimension,
        maxStorageBufferBindingSize: device.limits.maxStorageBufferBindingSize,
        maxBufferSize: device.limits.maxBufferSize,
        maxComputeInvocationsPerWorkgroup: device.limits.maxComputeInvocationsPerWorkgroup,
      },
    };
    const held: Held = { device, info, lost: false };
    const report =
      this.options.onUncapturedError ??
      ((message: string) => console.error(`[gpu] uncaptured GPU error: ${message}`));
    device.addEventListener('uncapturederror', (e) =>
      report((e as GPUUncapturedErrorEvent).error.message),
    );
    void device.lost.then((lost) => {
      held.lost = true;
      this.losses++;
      if (this.held === held) this.held = undefined;
      if (!this.disposed) {
        this.options.onDeviceLost?.({
          reason: lost.reason,
          message: lost.message,
          losses: this.losses,
        });
      }
    });
    this.held = held;
    return held;
  }
}
