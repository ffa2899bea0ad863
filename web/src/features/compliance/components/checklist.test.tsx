import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { renderWithProviders } from '@/testing/render';
import { Checklist } from './checklist';

const items = [
  { requirement: 'immunization_record', count: 1, state: 'satisfied', reason: 'Verified; no expiry.' },
  { requirement: 'tb_test', count: 1, state: 'missing', reason: 'No TB test in your documents.' },
  { requirement: 'bls', count: 1, state: 'expired', reason: 'Expired on Feb 1, 2027, before the block starts.' },
  { requirement: 'passport', count: 1, state: 'rejected', reason: 'Rejected: the photo page is unreadable.' },
  { requirement: 'background_check', count: 1, state: 'expires_during', reason: 'Expires on Mar 10, 2027, during the block.' },
  { requirement: 'hipaa_training', count: 1, state: 'pending', reason: 'Awaiting verification by the institution.' },
  { requirement: 'letter_of_recommendation', count: 2, state: 'application', reason: 'Sent with the application.' },
];

const labels: Record<string, string> = {
  immunization_record: 'Immunization record',
  tb_test: 'TB test',
  bls: 'BLS certification',
  passport: 'Passport',
  background_check: 'Background check',
  hipaa_training: 'HIPAA training',
  letter_of_recommendation: 'Letter of recommendation',
};

function render(fixHref?: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <Checklist
            items={items}
            requirementLabel={(r) => labels[r] ?? r}
            label="Checklist for Mar 1 – Mar 28, 2027"
            {...(fixHref ? { fixHref } : {})}
          />
        ),
      },
    ],
    { initialEntries: ['/'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

function item(name: string): HTMLElement {
  const found = screen.getAllByRole('listitem').find((li) => li.textContent?.includes(name));
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

function badge(li: HTMLElement): HTMLElement {
  const el = li.querySelector<HTMLElement>('[data-state]');
  if (!el) throw new Error('no badge');
  return el;
}

describe('compliance checklist', () => {
  it('renders every state with its label, colour group and reason', () => {
    render('/documents');
    expect(screen.getByRole('list', { name: 'Checklist for Mar 1 – Mar 28, 2027' })).toBeInTheDocument();
    const expected: [string, string, string, string][] = [
      ['Immunization record', 'Satisfied', 'teal', 'Verified; no expiry.'],
      ['TB test', 'Missing', 'red', 'No TB test in your documents.'],
      ['BLS certification', 'Expired', 'red', 'before the block starts'],
      ['Passport', 'Rejected', 'red', 'the photo page is unreadable'],
      ['Background check', 'Expires during the rotation', 'yellow', 'during the block'],
      ['HIPAA training', 'Pending verification', 'yellow', 'Awaiting verification'],
      ['Letter of recommendation (2)', 'Part of the application', 'gray', 'Sent with the application.'],
    ];
    for (const [name, label, color, reason] of expected) {
      const li = item(name);
      expect(badge(li)).toHaveTextContent(label);
      expect(badge(li).getAttribute('style') ?? '').toContain(`--mantine-color-${color}`);
      expect(li).toHaveTextContent(reason);
    }
  });

  it('links every fixable item to the vault, but not satisfied or application items', () => {
    render('/documents');
    for (const name of ['TB test', 'BLS certification', 'Passport', 'Background check', 'HIPAA training']) {
      expect(within(item(name)).getByRole('link')).toHaveAttribute('href', '/documents');
    }
    expect(within(item('Immunization record')).queryByRole('link')).not.toBeInTheDocument();
    expect(within(item('Letter of recommendation (2)')).queryByRole('link')).not.toBeInTheDocument();
  });

  it('has no links for staff (no fix address)', () => {
    render();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });
});
