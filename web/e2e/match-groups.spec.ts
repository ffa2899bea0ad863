import { DEMO, logIn } from './accounts';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { publishOfferingRequiring } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const BAYVIEW = 'Bayview Community Hospital';

test('an admin creates an institution group with two institutions and a manager, who then creates and opens a round of the group', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Group');
  const title = `${word} Neurology`;
  const groupName = `${word} network`;

  // A Lakeshore rotation the group's round will use.
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  await publishOfferingRequiring(page, lake, title, []);

  // The admin creates the group: Lakeshore and Bayview, managed by Lakeshore's coordinator.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, DEMO.admin);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Institution groups' }).click();
  const form = admin.getByRole('form', { name: 'New institution group' });
  await form.getByLabel('Group name').fill(groupName);
  await form.getByRole('checkbox', { name: LAKESHORE }).check();
  await form.getByRole('checkbox', { name: BAYVIEW }).check();
  await form.getByLabel('Group managers').fill(DEMO.lakeshoreCoordinator);
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  await expect(admin.getByText(`Managers: ${DEMO.lakeshoreCoordinator}`)).toBeVisible();
  await adminContext.close();

  // The manager finds the group under "My groups" and creates a round from its page.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My groups' }).click();
  await page.getByRole('link', { name: groupName }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  const round = page.getByRole('form', { name: 'New match round' });
  await round.getByLabel('Name').fill(`${word} round`);
  await round.getByLabel('Applications close').fill('2027-04-30T17:00');
  await round.getByLabel('Rank lists due').fill('2027-05-10T17:00');
  await round.getByLabel('Match day').fill('2027-05-15T12:00');
  await round.getByLabel('Find rotations').fill(word);
  await round.getByRole('button', { name: `Show blocks of ${title}` }).click();
  await round.getByRole('checkbox', { name: new RegExp(`${title} 2027-06-07`) }).check();
  await round.getByRole('button', { name: 'Create round' }).click();

  const rounds = page.getByRole('region', { name: `Match rounds of ${groupName}` });
  const row = rounds.getByRole('row', { name: new RegExp(`${word} round`) });
  await expect(row).toContainText('draft');
  await row.getByRole('button', { name: 'Open the round' }).click();
  await expect(row).toContainText('open');
  await expect(row.getByRole('button', { name: 'Close ranking' })).toBeVisible();
});
