// The service worker's lifecycle as the PwaHandle reports it, on fakes of the standard
// ServiceWorkerContainer / Registration / ServiceWorker (EventTargets, as in browsers).
import { describe, expect, it, vi } from 'vitest';
import {
  inertPwaHandle,
  registerServiceWorker,
  type ContainerLike,
  type RegisterOptions,
  type RegistrationLike,
  type WorkerLike,
} from '../../src/pwa/register-service-worker';

class FakeWorker extends EventTarget implements WorkerLike {
  state: ServiceWorkerState = 'installing';
  messages: unknown[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  to(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget implements RegistrationLike {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  updates = 0;
  async update() {
    this.updates++;
  }
  /** A new worker is found and installs; it waits when another is active. */
  install(worker = new FakeWorker()): FakeWorker {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.to('installed');
    return worker;
  }
  activate(worker: FakeWorker) {
    if (this.waiting === worker) this.waiting = null;
    this.active = worker;
    worker.to('activating');
    worker.to('activated');
  }
}

class FakeContainer extends EventTarget implements ContainerLike {
  controller: FakeWorker | null = null;
  registered: { url: string; options: RegistrationOptions }[] = [];
  constructor(
    readonly registration: FakeRegistration,
    readonly fail?: Error,
  ) {
    super();
  }
  async register(url: string, options: RegistrationOptions) {
    this.registered.push({ url, options });
    if (this.fail) throw this.fail;
    return this.registration;
  }
  takeControl(worker: FakeWorker) {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(
  prepare: (reg: FakeRegistration, container: FakeContainer) => void = () => {},
  extra: Partial<RegisterOptions> = {},
) {
  const reg = new FakeRegistration();
  const container = new FakeContainer(reg);
  prepare(reg, container);
  const reload = vi.fn();
  const handle = registerServiceWorker({
    enabled: true,
    container,
    reload,
    warm: false,
    whenIdle: async () => {},
    ...extra,
  });
  const changes = vi.fn();
  handle.subscribe(changes);
  return { reg, container, reload, handle, changes };
}

describe('registerServiceWorker', () => {
  it('registers sw.js for the whole site, bypassing the HTTP cache for updates', async () => {
    const { container } = setup();
    await tick();
    expect(container.registered).toEqual([
      { url: '/sw.js', options: { scope: '/', type: 'classic', updateViaCache: 'none' } },
    ]);
  });

  it('first visit: offline-ready once the first worker has installed and activated', async () => {
    const { reg, handle, changes } = setup();
    expect(handle.state()).toEqual({
      needRefresh: false,
      offlineReady: false,
      largeFiles: { cached: 0, total: 0 },
    });
    await tick();
    const first = new FakeWorker();
    reg.installing = first;
    reg.dispatchEvent(new Event('updatefound'));
    first.to('installed');
    expect(handle.state().offlineReady).toBe(false);
    reg.installing = null;
    reg.activate(first);
    expect(handle.state()).toMatchObject({ offlineReady: true, needRefresh: false });
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('a tab loaded under the service worker is offline-ready from the start', () => {
    const { handle } = setup((reg, c) => {
      reg.active = new FakeWorker();
      reg.active.state = 'activated';
      c.controller = reg.active;
    });
    expect(handle.state().offlineReady).toBe(true);
  });

  it('a new version waits and is offered; state() is stable between changes', async () => {
    const { reg, handle, changes, reload } = setup((reg, c) => {
      reg.active = new FakeWorker();
      c.controller = reg.active;
    });
    await tick();
    const before = handle.state();
    expect(handle.state()).toBe(before);
    const next = reg.install();
    expect(handle.state().needRefresh).toBe(true);
    expect(handle.state()).not.toBe(before);
    expect(changes).toHaveBeenCalledTimes(1);
    // Nothing is activated behind the user's back.
    expect(next.messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
  });

  it('"Update now" activates the waiting version and reloads once it controls the tab', async () => {
    const { reg, container, handle, reload } = setup((reg, c) => {
      reg.active = new FakeWorker();
      c.controller = reg.active;
    });
    await tick();
    const next = reg.install();
    await handle.update();
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    reg.activate(next);
    container.takeControl(next);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a tab no worker controlled reloads once the new version is active', async () => {
    const { reg, handle, reload } = setup((reg) => {
      reg.active = new FakeWorker();
    });
    await tick();
    const next = reg.install();
    expect(handle.state().needRefresh).toBe(true);
    const updating = handle.update();
    await tick();
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    reg.activate(next);
    await updating;
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('"Later" hides the offer until the next new version', async () => {
    const { reg, handle } = setup((reg, c) => {
      reg.active = new FakeWorker();
      c.controller = reg.active;
    });
    await tick();
    const next = reg.install();
    handle.dismiss();
    expect(handle.state().needRefresh).toBe(false);
    next.to('installed'); // the same worker again: still dismissed
    expect(handle.state().needRefresh).toBe(false);
    reg.install(); // a newer one
    expect(handle.state().needRefresh).toBe(true);
  });

  it('a version already waiting from an earlier visit is offered at once', async () => {
    const { handle } = setup((reg, c) => {
      reg.active = new FakeWorker();
      c.controller = reg.active;
      reg.waiting = new FakeWorker();
      reg.waiting.state = 'installed';
    });
    expect(handle.state().needRefresh).toBe(false);
    await tick();
    expect(handle.state().needRefresh).toBe(true);
  });

  it('another tab accepting the update withdraws the offer, marks this tab outdated, does not reload it', async () => {
    const { reg, container, handle, reload } = setup((reg, c) => {
      reg.active = new FakeWorker();
      c.controller = reg.active;
    });
    await tick();
    const next = reg.install();
    reg.activate(next);
    container.takeControl(next);
    expect(handle.state().needRefresh).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    // The tab is told it runs the old version; update() then just reloads it.
    expect(handle.state().outdated).toBe(true);
    await handle.update();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('update() with nothing waiting does nothing', async () => {
    const { handle, reload } = setup();
    await tick();
    await handle.update();
    expect(reload).not.toHaveBeenCalled();
  });

  it('reports the background caching of the large files', async () => {
    const warm = vi.fn(async ({ onProgress }: { onProgress?: (p: never) => void }) => {
      onProgress?.({ cached: 0, total: 2 } as never);
      onProgress?.({ cached: 2, total: 2 } as never);
    });
    const { handle, changes } = setup(() => {}, { warm });
    await tick();
    await tick();
    expect(warm).toHaveBeenCalledTimes(1);
    expect(handle.state().largeFiles).toEqual({ cached: 2, total: 2 });
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('a failed registration leaves a handle that reports why', async () => {
    const reg = new FakeRegistration();
    const container = new FakeContainer(reg, new Error('blocked by policy'));
    const handle = registerServiceWorker({
      enabled: true,
      container,
      warm: false,
      whenIdle: async () => {},
    });
    await tick();
    expect(handle.state().error).toMatch(/registration failed: Error: blocked by policy/);
    expect(handle.state().offlineReady).toBe(false);
  });

  it('does nothing, with the reason, where service workers are unavailable or disabled', async () => {
    expect(registerServiceWorker({ enabled: false }).state().error).toMatch(/development/);
    const none = registerServiceWorker({ enabled: true });
    expect(none.state()).toMatchObject({ needRefresh: false, offlineReady: false });
    expect(none.state().error).toMatch(/unavailable/);
    const inert = inertPwaHandle('nope');
    const listener = vi.fn();
    inert.subscribe(listener)();
    await inert.update();
    inert.dismiss();
    expect(listener).not.toHaveBeenCalled();
    expect(inert.state().error).toBe('nope');
  });
});
