// Page objects for the materials UI: the browser shelf under the viewport (search, family chips,
// favourites, the windowed grid of thumbnails, apply options) and the material editor dialog,
// driven the way a user would; window.studio only to look (objects' materials, the preset list).
import { expect, type Locator, type Page } from '@playwright/test';

export class MaterialsPanel {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('material-browser');
  }

  toggle(): Locator {
    return this.root().getByRole('button', { name: 'Materials', exact: true });
  }

  /** Opens the shelf (M) unless it is open. */
  async open(): Promise<void> {
    if ((await this.toggle().getAttribute('aria-expanded')) !== 'true') await this.toggle().click();
    await expect(this.grid()).toBeVisible();
  }

  search(): Locator {
    return this.root().getByRole('searchbox', { name: 'Search materials' });
  }

  grid(): Locator {
    return this.root().getByRole('listbox', { name: 'Material presets' });
  }

  /** Cards mounted now (the grid mounts only the rows in view). */
  cards(): Locator {
    return this.grid().getByRole('option');
  }

  card(id: string): Locator {
    return this.grid().locator(`[data-preset="${id}"]`);
  }

  async shownIds(): Promise<string[]> {
    return this.grid()
      .locator('[data-preset]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['preset']!));
  }

  family(family: string): Locator {
    return this.root()
      .getByRole('toolbar', { name: 'Material families' })
      .locator(`[data-family="${family}"]`);
  }

  favourite(id: string): Locator {
    return this.card(id).getByRole('checkbox', { name: /^Favourite / });
  }

  favouritesOnly(): Locator {
    return this.root().getByRole('button', { name: /Favourites/ });
  }

  applyButton(): Locator {
    return this.root().getByRole('button', { name: 'Apply to selection' });
  }

  editButton(): Locator {
    return this.root().getByRole('button', { name: 'Edit…' });
  }

  projection(): Locator {
    return this.root().getByRole('combobox', { name: 'Projection' });
  }

  thumb(id: string): Locator {
    return this.card(id).locator('.material-thumb');
  }

  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
  }

  /** Drags a card onto the viewport canvas at a canvas position (CSS pixels from its top left). */
  async dragOntoCanvas(id: string, at: { x: number; y: number }): Promise<void> {
    await this.card(id).dragTo(this.page.locator('canvas').first(), { targetPosition: at });
  }

  /** Sets a library file on the import input (as the file picker would). */
  async importLibrary(name: string, text: string): Promise<void> {
    await this.page.getByTestId('material-library-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  }

  /** Clicks Export and returns the downloaded file's name and text. */
  async exportLibrary(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.root().getByRole('button', { name: 'Export' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}

export class MaterialEditorPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Material editor' });
  }

  preview(): Locator {
    return this.dialog().getByTestId('material-preview');
  }

  bakeInfo(): Locator {
    return this.dialog().getByTestId('material-bake-info');
  }

  /** Completed preview bakes so far. */
  async bakes(): Promise<number> {
    return Number(await this.preview().getAttribute('data-bakes'));
  }

  async bakeKey(): Promise<string> {
    return (await this.preview().getAttribute('data-key')) ?? '';
  }

  /** Waits for the preview's first bake. */
  async waitForPreview(): Promise<void> {
    await expect(this.preview()).not.toHaveAttribute('data-bakes', '0');
  }

  numberField(name: string): Locator {
    return this.dialog().getByRole('spinbutton', { name: `${name} value` });
  }

  async setNumber(name: string, value: string): Promise<void> {
    const field = this.numberField(name);
    await field.fill(value);
    await field.press('Enter');
  }

  async saveAsNew(name: string): Promise<void> {
    await this.dialog().getByRole('textbox', { name: 'Preset name' }).fill(name);
    await this.dialog().getByRole('button', { name: 'Save as new preset' }).click();
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog()).toBeHidden();
  }
}
