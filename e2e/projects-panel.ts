// Page objects for the projects UI: the projects dialog (open, rename, duplicate, delete with its
// question and undo toast, new project), the versions section (save a version, revert, pick and
// compare), the storage section (persistence, usage, cache statistics), the save status with the
// conflict banner, and the share-link dialog, driven by role and label the way a user would.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a sidebar section (Versions, Storage) unless it is open; the sidebar must be shown. */
async function openSection(page: Page, title: string): Promise<Locator> {
  const section = page.getByRole('region', { name: title, exact: true });
  const toggle = section.getByRole('button', { name: title, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return section;
}

export class ProjectsDialogPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Projects' });
  }

  /** Opens it from the File menu (Ctrl+Shift+O does the same). */
  async open(): Promise<void> {
    const bar = this.page.getByRole('menubar', { name: 'Studio menu' });
    await bar.getByRole('menuitem', { name: 'File', exact: true }).click();
    await bar
      .getByRole('menu', { name: 'File' })
      .getByRole('menuitem', { name: 'Open project…' })
      .click();
    await expect(this.dialog()).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog()).toBeHidden();
  }

  list(): Locator {
    return this.dialog().getByRole('list', { name: 'Projects' });
  }

  rows(): Locator {
    return this.list().getByRole('listitem');
  }

  row(name: string): Locator {
    return this.list().getByRole('listitem', { name, exact: true });
  }

  /** Names in the order shown (most recently changed first). */
  async names(): Promise<string[]> {
    return this.list()
      .locator('.project-name')
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));
  }

  /** The open project's row is marked aria-current. */
  async expectOpen(name: string): Promise<void> {
    await expect(this.row(name)).toHaveAttribute('aria-current', 'true');
  }

  async newProject(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'New project' }).click();
    await expect(this.dialog()).toBeHidden();
  }

  /** Opens a project (the dialog closes). */
  async openProject(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Open ${name}`, exact: true })
      .click();
    await expect(this.dialog()).toBeHidden();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from)
      .getByRole('button', { name: `Rename ${from}`, exact: true })
      .click();
    const field = this.dialog().getByRole('textbox', { name: `New name for ${from}` });
    await field.fill(to);
    await field.press('Enter');
    await expect(this.row(to)).toBeVisible();
  }

  async duplicate(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Duplicate ${name}`, exact: true })
      .click();
  }

  /** Asks to delete; the row then asks "Delete “X”?". */
  async askDelete(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Delete ${name}`, exact: true })
      .click();
  }

  confirmDelete(name: string): Locator {
    return this.row(name)
      .getByRole('group', { name: 'Confirm delete' })
      .getByRole('button', { name: 'Delete', exact: true });
  }

  cancelDelete(name: string): Locator {
    return this.row(name)
      .getByRole('group', { name: 'Confirm delete' })
      .getByRole('button', { name: 'Cancel', exact: true });
  }

  async delete(name: string): Promise<void> {
    await this.askDelete(name);
    await this.confirmDelete(name).click();
    await expect(this.row(name)).toBeHidden();
  }

  /** The "Deleted “X”. Undo" toast (shown over the studio, dialog open or not). */
  undoToast(): Locator {
    return this.page.getByRole('status', { name: 'Deleted projects' });
  }

  undoButton(name: string): Locator {
    return this.undoToast().getByRole('button', { name: `Undo delete ${name}`, exact: true });
  }
}

export class VersionsPanelPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('versions');
  }

  async open(): Promise<void> {
    await openSection(this.page, 'Versions');
    await expect(this.root()).toBeVisible();
  }

  message(): Locator {
    return this.root().getByRole('textbox', { name: 'Version message' });
  }

  saveButton(): Locator {
    return this.root().getByRole('button', { name: 'Save version', exact: true });
  }

  /** Types a message and saves a version (Enter submits). */
  async commit(message: string): Promise<void> {
    await this.message().fill(message);
    await this.saveButton().click();
    await expect(this.row(message).first()).toBeVisible();
  }

  list(): Locator {
    return this.root().getByRole('list', { name: 'Versions' });
  }

  rows(): Locator {
    return this.list().getByRole('listitem');
  }

  /** A version's row by its message (newest first: .first() is the latest with that message). */
  row(message: string): Locator {
    return this.list().getByRole('listitem', { name: message, exact: true });
  }

  async messages(): Promise<string[]> {
    return this.list()
      .locator('.version-message')
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));
  }

  /** Rows the studio made itself carry an "auto" badge. */
  autoBadge(message: string): Locator {
    return this.row(message).first().locator('.version-auto');
  }

  async revert(message: string): Promise<void> {
    const row = this.row(message).first();
    await row.hover();
    await row.getByRole('button', { name: `Revert to “${message}”`, exact: true }).click();
  }

  pick(message: string): Locator {
    return this.row(message)
      .first()
      .getByRole('checkbox', { name: `Pick “${message}” to compare` });
  }

  compareButton(): Locator {
    return this.root().getByRole('button', { name: /^Compare( with current)?$/ });
  }

  changes(): Locator {
    return this.root().getByRole('region', { name: 'Changes' });
  }

  /** Picks one version (compared with the current state) or two, compares, returns the lines. */
  async compare(a: string, b?: string): Promise<string[]> {
    await this.pick(a).check();
    if (b !== undefined) await this.pick(b).check();
    await this.compareButton().click();
    const lines = this.changes().getByRole('listitem');
    await expect(lines.first()).toBeVisible();
    return lines.allTextContents();
  }
}

export class StoragePanelPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('storage');
  }

  async open(): Promise<void> {
    await openSection(this.page, 'Storage');
    await expect(this.root()).toBeVisible();
  }

  /** "Yes", "No: …" or "Not asked". */
  persisted(): Locator {
    return this.root().getByTestId('storage-persisted');
  }

  keepButton(): Locator {
    return this.root().getByRole('button', { name: 'Keep my data' });
  }

  usage(): Locator {
    return this.root().getByRole('meter', { name: 'Storage used' });
  }

  /** The private-window warning ("Storage is unavailable: nothing will be kept …"). */
  unavailable(): Locator {
    return this.root().getByRole('alert');
  }

  hits(): Locator {
    return this.root().getByTestId('cache-hits');
  }

  misses(): Locator {
    return this.root().getByTestId('cache-misses');
  }

  hitRate(): Locator {
    return this.root().getByTestId('cache-hit-rate');
  }

  /** A tier's row in the cache table: 'memory' or 'disk'. */
  tier(name: 'memory' | 'disk'): Locator {
    return this.root().locator(`.cache-tiers tr[data-tier="${name}"]`);
  }
}

export class SaveIndicatorPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('save-indicator');
  }

  /** The status text ("Saved 12:03", "Saving…", "Unsaved changes", "Not saved: …", …). */
  status(): Locator {
    return this.root().getByRole('status', { name: 'Save status' });
  }

  /** Waits until the status is `status` (the SaveStatus: 'saved', 'pending', 'conflict', …). */
  async expectStatus(status: string): Promise<void> {
    await expect(this.status()).toHaveAttribute('data-status', status);
  }

  /** The open project's name: a button that opens the projects dialog. */
  projectName(): Locator {
    return this.root().getByRole('button', { name: /^Project: / });
  }

  conflictBanner(): Locator {
    return this.page.getByRole('alert', { name: 'Save conflict' });
  }

  loadTheirs(): Locator {
    return this.conflictBanner().getByRole('button', { name: 'Load their version' });
  }

  keepMineAsCopy(): Locator {
    return this.conflictBanner().getByRole('button', { name: 'Keep mine as a copy' });
  }
}

export class ShareLinkDialogPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Share link' });
  }

  /** Opens it from the File menu (Ctrl+Shift+L does the same). */
  async open(): Promise<void> {
    const bar = this.page.getByRole('menubar', { name: 'Studio menu' });
    await bar.getByRole('menuitem', { name: 'File', exact: true }).click();
    await bar
      .getByRole('menu', { name: 'File' })
      .getByRole('menuitem', { name: 'Copy share link…' })
      .click();
    await expect(this.dialog()).toBeVisible();
  }

  /** The read-only field with the whole link (once made). */
  linkField(): Locator {
    return this.dialog().getByRole('textbox', { name: 'Link' });
  }

  async link(): Promise<string> {
    await expect(this.linkField()).toBeVisible();
    return this.linkField().inputValue();
  }

  copyButton(): Locator {
    return this.dialog().getByRole('button', { name: 'Copy link' });
  }

  /** Why there can be no link (imported models, too many edits). */
  reason(): Locator {
    return this.dialog().getByRole('alert');
  }

  exportButton(): Locator {
    return this.dialog().getByRole('button', { name: 'Export project file' });
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog()).toBeHidden();
  }
}
