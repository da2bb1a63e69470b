import { browserTest } from '../helpers/browser.js';
import { receive } from '../helpers/drive.js';

browserTest(
  'a leader hands a dossier’s step to an officer of the unit; the transfers show who gave it to whom',
  async (b, h, t) => {
    const { page } = b;
    await page.clock.setFixedTime(h.clock.now());
    const dossier = await receive(h, '1.001193');
    await b.login('lanhdao.phucxa');
    await page.goto(`${b.base}/ho-so/${encodeURIComponent(dossier.code)}`);

    const task = page.getByTestId('open-tasks');
    await task.locator('summary', { hasText: 'Chuyển xử lý' }).click();
    const form = page.getByTestId('assign-form');
    await form.locator('select option', { hasText: 'Nguyễn Thị Hoa' }).waitFor({ state: 'attached' });
    await form.locator('select').selectOption({ label: 'Nguyễn Thị Hoa' });
    await form.locator('textarea').fill('Đồng chí Hoa xử lý giúp');
    await form.getByRole('button', { name: 'Chuyển xử lý' }).click();

    await task.getByText('Nguyễn Thị Hoa đã nhận').waitFor();
    // The row of this handover, from the leader to the officer (the receipt's row names the officer too).
    const line = page.getByTestId('transfers').locator('tr', { hasText: /Trần Văn Minh[\s\S]*Nguyễn Thị Hoa/ });
    await line.waitFor();
    t.equal(await line.count(), 1, 'from the leader to the officer');
    t.match(
      await page.locator('.timeline').textContent(),
      /Chuyển bước “.+” cho Nguyễn Thị Hoa xử lý/,
      'on the timeline',
    );
    await b.screenshot('assign-handed-over');
  },
);
