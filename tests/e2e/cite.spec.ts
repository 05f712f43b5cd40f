// Citing (issue 16, item 16): the Cite control on a document's header and on
// each paragraph opens a dialog with Chicago and APA in the document's
// language and BibTeX, RIS and CSL-JSON to copy or download, each linking
// back to the place cited (the address the reader is on, with the paragraph
// anchor). Formatted at build time; the browser only fills in the link.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CHAPTER, QUAD, expect, test } from './fixtures';

const dialog = (page: Page) => page.locator('dialog.cite-dialog');
const style = (page: Page, key: string) => dialog(page).locator(`[data-style="${key}"] .cite-text`);

test('the document cites itself in Chicago and APA, in Chinese, with its address', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/doc/${QUAD.id}`);
  await page.locator('.doc-header').getByRole('button', { name: '引用本文' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole('dialog', { name: '引用本文' })).toBeVisible();
  const address = new RegExp(`http://127\\.0\\.0\\.1:\\d+/#/doc/${QUAD.id}(?=[。.]?$)`);
  await expect(dialog(page).locator('#lattice-cite-link')).toHaveValue(address);
  // Chinese typography: 〈篇名〉 in the note, full-width separators, the
  // author named, the reader's address as the link.
  const note = style(page, 'chicago-note');
  await expect(note).toContainText(`〈${QUAD.title}〉`);
  await expect(note).toContainText('林柏州');
  await expect(note).toHaveText(address);
  await expect(note).not.toContainText(', ');
  await expect(style(page, 'chicago-bibliography')).toHaveText(address);
  // APA: author (date). Title. Link — the title set as a work's.
  const apa = style(page, 'apa');
  await expect(apa).toContainText(`（2025年`);
  await expect(apa).toContainText(`《${QUAD.title}》`);
  await expect(apa).toHaveText(address);
  // Copying gives exactly what is shown.
  await dialog(page).locator('[data-style="apa"]').getByRole('button', { name: '複製 APA' }).click();
  await expect(dialog(page).locator('.cite-status')).toHaveText('已複製：apa');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await apa.innerText());
});

test('a paragraph cites its own anchor in every format', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const cite = page.locator('p#p2').getByRole('button', { name: '引用本段' });
  await cite.click();
  await expect(page.getByRole('dialog', { name: '引用本段' })).toBeVisible();
  const link = await dialog(page).locator('#lattice-cite-link').inputValue();
  expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/doc/${CHAPTER.id}/p2$`));
  await expect(style(page, 'chicago-note')).toContainText(link);
  await expect(style(page, 'chicago-note')).toContainText(CHAPTER.title);
  // The link row copies the paragraph's address.
  await dialog(page).locator('.cite-link-row').getByRole('button', { name: '複製' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const pre = dialog(page).locator('pre.cite-export-text');
  // BibTeX first: the document id as key, the title braced, the link.
  await expect(dialog(page).getByRole('button', { name: 'BibTeX', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const bib = await pre.innerText();
  expect(bib).toMatch(new RegExp(`^@\\w+\\{${CHAPTER.id},\\n`));
  expect(bib).toContain(`  title = {{${CHAPTER.title}}},\n`);
  expect(bib).toContain(`  url = {${link}},\n`);
  expect(bib).toContain('  langid = {chinese}\n}');

  await dialog(page).getByRole('button', { name: 'RIS', exact: true }).click();
  await expect(dialog(page).getByRole('button', { name: 'RIS', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const ris = (await pre.innerText()).replace(/\r/g, '');
  expect(ris).toMatch(/^TY {2}- [A-Z]+\n/);
  expect(ris).toContain(`TI  - ${CHAPTER.title}\n`);
  expect(ris).toContain(`UR  - ${link}\n`);
  expect(ris.trimEnd().endsWith('ER  -')).toBe(true);

  await dialog(page).getByRole('button', { name: 'CSL-JSON', exact: true }).click();
  const json = JSON.parse(await pre.innerText());
  expect(json).toHaveLength(1);
  expect(json[0]).toMatchObject({ id: CHAPTER.id, title: CHAPTER.title, URL: link, language: 'zh-Hant' });
  expect(json[0].author.length).toBeGreaterThan(0);
  // Copying the shown format copies it whole.
  await dialog(page).getByRole('button', { name: '複製 CSL-JSON' }).click();
  await expect(dialog(page).locator('.cite-status')).toHaveText('已複製：CSL-JSON');
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(json);
});

test('each format downloads as a file a reference manager imports', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  await page.locator('p#p3').getByRole('button', { name: '引用本段' }).click();
  const link = await dialog(page).locator('#lattice-cite-link').inputValue();
  const files: Record<string, string> = {};
  for (const [format, file] of [
    ['BibTeX', `${CHAPTER.id}.bib`],
    ['RIS', `${CHAPTER.id}.ris`],
    ['CSL-JSON', `${CHAPTER.id}.json`],
  ]) {
    await dialog(page).getByRole('button', { name: format, exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog(page).getByRole('button', { name: `下載 ${file}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(file);
    files[format] = readFileSync((await download.path())!, 'utf8');
    expect(files[format]).toContain(link);
    await expect(dialog(page).locator('.cite-status')).toHaveText(`已下載 ${file}`);
  }
  expect(files.BibTeX).toContain(`url = {${link}}`);
  expect(files.RIS).toContain(`UR  - ${link}\r\n`);
  expect(files.RIS.endsWith('ER  - \r\n')).toBe(true);
  expect(JSON.parse(files['CSL-JSON'])[0].URL).toBe(link);
});

test('the dialog works from the keyboard and Escape closes it', async ({ page }) => {
  await page.goto(`./#/doc/${QUAD.id}`);
  const cite = page.locator('.doc-header').getByRole('button', { name: '引用本文' });
  await cite.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  // Focus is inside the modal dialog, and Tab never reaches the page
  // behind, which is inert (past the last control the browser's own UI
  // may take focus: the document's body, never an element of the page).
  const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog.cite-dialog'));
  expect(await inDialog()).toBe(true);
  const behind = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a !== document.body && !a.closest('dialog.cite-dialog');
    });
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    expect(await behind()).toBe(false);
  }
  // Space on a format button picks it.
  await dialog(page).getByRole('button', { name: 'RIS', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(dialog(page).getByRole('button', { name: 'RIS', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog(page).locator('pre.cite-export-text')).toContainText('TY  - ');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(cite).toBeFocused();
  // The close button and the backdrop close it too.
  await cite.click();
  await dialog(page).getByRole('button', { name: '關閉' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await cite.click();
  await page.mouse.click(5, 5);
  await expect(dialog(page)).toHaveCount(0);
});

test('in the English interface the dialog speaks English, the citation keeps its language', async ({ page }) => {
  await page.goto(`./#/doc/${QUAD.id}`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.doc-header').getByRole('button', { name: 'Cite this document' }).click();
  await expect(page.getByRole('dialog', { name: 'Cite this document' })).toBeVisible();
  await expect(dialog(page).locator('[data-style="chicago-note"] h3')).toHaveText('Chicago (note)');
  await expect(style(page, 'chicago-note')).toContainText(`〈${QUAD.title}〉`);
  await expect(style(page, 'chicago-note')).toHaveAttribute('lang', 'zh-Hant');
  await expect(dialog(page).getByRole('button', { name: `Download ${QUAD.id}.bib` })).toBeVisible();
});

test('the contents end with the notes, and the entry lands on them', async ({ page }) => {
  await page.goto(`./#/doc/${CHAPTER.id}`);
  const entry = page.locator('.toc .toc-notes a');
  await expect(entry).toContainText('註釋');
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CHAPTER.id}/lattice-notes-heading$`));
  await expect(page.locator('#lattice-notes-heading')).toBeInViewport();
  await expect(page.locator('.anchor-lost')).toHaveCount(0);
});
