import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';
import { REASON_REQUIRED } from './review-dialog';

const base = '/api/institutions/inst-lake';
const row = {
  applicant: { id: 'u-minh', name: 'Minh Nguyen', email: 'minh@example.org' },
  application_id: 'app-1',
  status: 'submitted',
  blocks: [
    {
      block_id: 'blk-1',
      start_date: '2027-03-01',
      end_date: '2027-03-28',
      cleared: false,
      items: [
        { requirement: 'immunization_record', count: 1, state: 'pending', reason: 'Awaiting verification.', document_ids: ['doc-imm'] },
        { requirement: 'background_check', count: 1, state: 'satisfied', reason: 'Verified.', document_ids: ['doc-bg'] },
      ],
    },
  ],
};
const document = {
  id: 'doc-imm',
  type: 'immunization_record',
  title: '',
  status: 'pending',
  status_reason: '',
  reviewed_at: '',
  current_version: 1,
  created_at: '2026-11-27T16:00:00Z',
  updated_at: '2026-11-27T16:00:00Z',
  versions: [
    { version: 1, mime: 'application/pdf', size: 2048, pages: 1, filename: 'shots.pdf', issued_on: '2026-01-10', expires_on: '', vaccines: [], uploaded_at: '2026-11-27T16:00:00Z' },
  ],
};

function mock(user: User) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/offerings/off-cardio': { body: offering },
    [`GET ${base}/offerings/off-cardio/compliance`]: { body: { items: [row] } },
    [`GET ${base}/applicants/u-minh/documents`]: { body: { items: [document] } },
    [`POST ${base}/applicants/u-minh/documents/doc-imm/review`]: (init) => {
      const body = JSON.parse(init.body as string) as { decision: string; reason: string };
      return { body: { ...document, status: body.decision === 'verify' ? 'verified' : 'rejected', status_reason: body.reason } };
    },
  });
}

function reviews(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls
    .filter(([url, init]) => String(url).endsWith('/review') && init?.method === 'POST')
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as unknown);
}

async function openDocuments(user: ReturnType<typeof userEvent.setup>) {
  const table = await screen.findByRole('table', { name: 'Applicants' });
  const applicantRow = within(table).getByRole('row', { name: /Minh Nguyen/ });
  expect(applicantRow).toHaveTextContent('Not cleared');
  expect(applicantRow).toHaveTextContent('Immunization record:Pending verification');
  await user.click(within(applicantRow).getByRole('button', { name: 'Documents of Minh Nguyen' }));
  return screen.findByRole('table', { name: 'Documents of Minh Nguyen' });
}

describe('coordinator compliance view', () => {
  it('needs a reason to reject: nothing is sent without one', async () => {
    const fetchMock = mock(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/compliance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cleared to start: Cardiology Elective' })).toBeInTheDocument();
    const documents = await openDocuments(user);
    expect(within(documents).getByRole('link', { name: 'Download Immunization record' })).toHaveAttribute(
      'href',
      `${base}/applicants/u-minh/documents/doc-imm/file`,
    );

    await user.click(within(documents).getByRole('button', { name: 'Reject Immunization record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Immunization record' });
    const reason = within(dialog).getByLabelText(/^Reason/);
    expect(reason).toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining(REASON_REQUIRED));
    expect(reviews(fetchMock)).toEqual([]);

    await user.type(reason, 'The MMR page is missing.');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(reviews(fetchMock)).toEqual([{ decision: 'reject', reason: 'The MMR page is missing.' }]);
  });

  it('verifies a document in one step', async () => {
    const fetchMock = mock(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/compliance');
    const documents = await openDocuments(user);
    await user.click(within(documents).getByRole('button', { name: 'Verify Immunization record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify Immunization record' });
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await vi.waitFor(() => expect(reviews(fetchMock)).toEqual([{ decision: 'verify', reason: '' }]));
  });

  it('lets a reviewer see the documents but not verify or reject', async () => {
    mock(reviewer);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/compliance');
    const documents = await openDocuments(user);
    expect(within(documents).getByRole('link', { name: 'View Immunization record' })).toBeInTheDocument();
    expect(within(documents).queryByRole('button', { name: /Verify|Reject/ })).not.toBeInTheDocument();
  });
});
