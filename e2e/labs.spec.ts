/**
 * Issue 5 §1: the guided labs, done through the lab panel as a learner does them — pick a lab,
 * answer each prediction, open the manifests and apply them with Ctrl/Cmd+Enter, click the commands,
 * and watch every step turn green — in Korean and in English; a teacher's lab folder loaded from
 * disk, and a broken one showing its problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { AppPage } from './pages/app-page';
import { LabPanel } from './pages/lab-page';

type Locale = 'ko' | 'en';
interface LabFile {
  title: Record<Locale, string>;
  steps: { id: string; title: Record<Locale, string> }[];
}

const LABS_DIR = join(import.meta.dirname, '../resources/labs');
const TEACHER_DIR = join(import.meta.dirname, 'fixtures/teacher-lab');
/** The built-in labs: every folder of resources/labs with a lab.yaml. */
const BUILT_IN = existsSync(LABS_DIR) ? readdirSync(LABS_DIR).filter((id) => existsSync(join(LABS_DIR, id, 'lab.yaml'))) : [];
const readLab = (dir: string): LabFile => parse(readFileSync(join(dir, 'lab.yaml'), 'utf8')) as LabFile;
const UI = {
  ko: { openFolder: '실습 폴더 열기…', stepOne: '1 / {n} 단계', finished: '모든 단계를 마쳤습니다!' },
  en: { openFolder: 'Open lab folder…', stepOne: 'Step 1 of {n}', finished: 'Every step is done!' },
};

test.use({ viewport: { width: 1440, height: 900 } });

/** Opens the app in `locale` with the lab column shown (as a learner who left it so). */
async function openApp(page: Page, locale: Locale): Promise<{ app: AppPage; labs: LabPanel; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((l) => {
    if (!localStorage.getItem('svclab.layout.v1')) localStorage.setItem('svclab.layout.v1', JSON.stringify({ locale: l, labsOpen: true }));
  }, locale);
  const app = new AppPage(page);
  await app.open();
  const labs = new LabPanel(page, app);
  await labs.show();
  await expect(labs.root.getByTestId('lab-open-folder')).toHaveText(UI[locale].openFolder);
  return { app, labs, errors };
}

/** Walks every step of the open lab to green; returns the step titles seen. */
async function completeLab(labs: LabPanel, lab: LabFile, locale: Locale, screenshot: (name: string) => Promise<void>): Promise<void> {
  const total = lab.steps.length;
  await expect(labs.step).toContainText(UI[locale].stepOne.replace('{n}', String(total)));
  for (let i = 0; i < total; i++) {
    await expect(labs.step.getByTestId('lab-step-title')).toHaveText(lab.steps[i].title[locale]);
    await labs.completeStep();
    if (i === 0) await screenshot('first-step');
    await expect(labs.stepItems.nth(i)).toHaveAttribute('data-status', 'passed');
    if (i < total - 1) await labs.next();
  }
  await expect(labs.root.locator('[data-testid="lab-step-item"][data-status="passed"]')).toHaveCount(total);
  await expect(labs.root.getByTestId('lab-finished')).toHaveText(`✓ ${UI[locale].finished}`);
  await expect(labs.root.getByTestId('lab-progress')).toContainText(`${total}/${total}`);
  await screenshot('done');
}

for (const locale of ['ko', 'en'] as const) {
  test(`the list shows every built-in lab by its ${locale} title, in the chapter's order`, async ({ page }) => {
    const { app, labs, errors } = await openApp(page, locale);
    const expected = BUILT_IN.map((id) => ({ id, ...(parse(readFileSync(join(LABS_DIR, id, 'lab.yaml'), 'utf8')) as LabFile & { order: number }) })).sort((a, b) => a.order - b.order);
    await expect(labs.items).toHaveCount(expected.length);
    for (const [i, lab] of expected.entries()) {
      await expect(labs.items.nth(i)).toHaveAttribute('data-id', lab.id);
      await expect(labs.items.nth(i)).toContainText(lab.title[locale]);
      await expect(labs.items.nth(i)).toContainText(locale === 'ko' ? `0/${lab.steps.length} 단계` : `0/${lab.steps.length} steps`);
    }
    await app.screenshot(`labs-${locale}-list`);
    expect(errors).toEqual([]);
  });

  for (const id of BUILT_IN) {
    test(`the built-in lab ${id} is completed through the panel in ${locale}`, async ({ page }) => {
      test.setTimeout(120_000);
      const { app, labs, errors } = await openApp(page, locale);
      await labs.open(id);
      if (existsSync(join(LABS_DIR, id, 'cluster.yaml'))) {
        // The lab runs on a cluster made with its cluster.yaml: the panel starts one.
        await expect(labs.root.getByTestId('lab-cluster-config')).toContainText('cluster.yaml');
        await labs.root.getByTestId('lab-start-cluster').click();
        await expect(labs.root.getByTestId('lab-cluster-started')).toBeVisible();
        await app.screenshot(`labs-${locale}-${id}-cluster-config`);
      }
      await completeLab(labs, readLab(join(LABS_DIR, id)), locale, (name) => app.screenshot(`labs-${locale}-${id}-${name}`));
      // The commands ran in the terminal session (output checks read what it printed) and left it at a prompt.
      await expect.poll(() => app.terminal.text()).toMatch(/\S+@[^\s:]+:[^\n]*[#$]\s*$/);
      expect(errors).toEqual([]);
    });
  }
}

test("a teacher's lab folder loads from disk, is completed, keeps its progress and exports a zip", async ({ page }) => {
  test.setTimeout(90_000);
  const { app, labs, errors } = await openApp(page, 'en');
  const builtIns = await labs.items.count();
  await labs.openFolder(join(TEACHER_DIR, 'web-lab'));
  const lab = readLab(join(TEACHER_DIR, 'web-lab'));
  await expect(labs.root.getByTestId('lab-title')).toHaveText(lab.title.en);

  // A wrong pick still shows the answer and why; the step turns green once the manifest is applied.
  await labs.completeStep(0);
  await expect(labs.step.getByTestId('lab-answer')).toContainText('The answer is "An address from 10.96.0.0/12"');
  await labs.next();
  // Before the command runs, the output check explains what is missing.
  await expect(labs.step.getByTestId('lab-check-failed')).toBeVisible();
  await app.screenshot('labs-en-teacher-hint');
  await labs.completeStep();
  await expect(app.terminal.root).toContainText('kubectl exec web-pod -- nslookup web1');
  await labs.next();
  await labs.completeStep();
  await expect(labs.root.getByTestId('lab-finished')).toBeVisible();

  // Export for a real cluster: a zip of the lab's files.
  const download = page.waitForEvent('download');
  await labs.root.getByTestId('lab-export').click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('web-lab.zip');
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(strFromU8(entries['web-lab/web.yaml'])).toContain('name: web1');

  // Back in the list the teacher's lab sits after the built-in ones, complete.
  await labs.root.getByTestId('lab-back-to-list').click();
  await expect(labs.items).toHaveCount(builtIns + 1);
  await expect(labs.items.last()).toContainText('3/3 steps');
  expect(errors).toEqual([]);
});

/** The broken-lab fixture's one problem (lab.yaml line 9), as parseLab words it in each language. */
const BROKEN_PROBLEM = {
  ko: 'steps[0].manifests[0]: 매니페스트 "missing.yaml" 파일이 실습 폴더에 없습니다',
  en: 'steps[0].manifests[0]: manifest "missing.yaml" is not in the lab folder',
};

for (const locale of ['ko', 'en'] as const) {
  test(`a broken lab folder shows its problem by file and line in ${locale}, and nothing else changes`, async ({ page }) => {
    const { app, labs, errors } = await openApp(page, locale);
    const before = await labs.items.count();
    await labs.openFolder(join(TEACHER_DIR, 'broken-lab'));
    const problem = labs.root.getByTestId('lab-problem');
    await expect(problem).toHaveCount(1);
    await expect(problem.first()).toHaveText(`lab.yaml:9:17 ${BROKEN_PROBLEM[locale]}`);
    await expect(labs.root.getByTestId('lab-problems')).toContainText('broken-lab');
    await expect(labs.items).toHaveCount(before);
    await expect(labs.root.getByTestId('lab-view')).toHaveCount(0);
    await app.screenshot(`labs-${locale}-broken-folder`);
    // The problem follows the app's language: switching shows the other text, with nothing reloaded.
    const other = locale === 'ko' ? 'en' : 'ko';
    await page.getByTestId('language').click();
    await expect(problem.first()).toHaveText(`lab.yaml:9:17 ${BROKEN_PROBLEM[other]}`);
    expect(errors).toEqual([]);
  });
}

test('progress survives a reload and Reset clears it', async ({ page }) => {
  const { labs } = await openApp(page, 'en');
  const title = readLab(join(TEACHER_DIR, 'web-lab')).title.en;
  await labs.openLabFolder(join(TEACHER_DIR, 'web-lab'), title);
  await labs.completeStep(1);
  await expect(labs.step.getByTestId('lab-answer')).toContainText('Correct.');
  await page.reload();
  await labs.show();
  // Teacher labs are not bundled: reopen the folder; its progress was kept.
  await labs.openLabFolder(join(TEACHER_DIR, 'web-lab'), title);
  await expect(labs.stepItems.first()).toHaveAttribute('data-status', 'passed');
  await labs.root.getByTestId('lab-reset').click();
  await labs.root.getByTestId('lab-reset-yes').click();
  await expect(labs.stepItems.first()).toHaveAttribute('data-status', 'todo');
  await expect(labs.step.getByTestId('lab-choice').first()).toBeEnabled();
});
