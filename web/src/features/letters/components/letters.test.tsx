import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, healthOk, sessionAs } from '@/testing/users';

const letter = {
  id: 'let-1',
  referee: { name: 'Dr. Lê Văn Hùng', email: 'hung.le@example.org', title: 'Professor of Medicine', institution: 'Hanoi Medical University' },
  relationship: 'Attending on my clerkship',
  waived: true,
  status: 'requested',
  received_at: '',
  pages: 0,
  size: 0,
  sent: false,
  first_sent_at: '',
  last_link_at: '2026-11-27T16:00:00Z',
  reminders_sent: 0,
  can_download: false,
  application_ids: [],
  created_at: '2026-11-27T16:00:00Z',
  updated_at: '2026-11-27T16:00:00Z',
};

const refereeView = {
  applicant: { name: 'Amina Khan', school: 'Aga Khan University' },
  referee: { name: 'Dr. Lê Văn Hùng', title: 'Professor of Medicine', institution: 'Hanoi Medical University' },
  relationship: 'Attending on my clerkship',
  waived: true,
  status: 'requested',
  received_at: '',
  pages: 0,
  can_replace: false,
  sent: false,
};

describe('Letters page', () => {
  it('requests a waived letter with every field and lists it', async () => {
    let sent: unknown;
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/letters': () => ({ body: { items: sent ? [letter] : [] } }),
      'POST /api/me/letters': (init) => {
        sent = JSON.parse(String(init.body));
        return { status: 201, body: letter };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/letters');
    expect(await screen.findByText(/No letters requested yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request a letter' }));
    const form = await screen.findByRole('form', { name: 'Request a letter' });
    await user.type(within(form).getByLabelText(/Referee's name/), 'Dr. Lê Văn Hùng');
    await user.type(within(form).getByLabelText(/Referee's e-mail/), 'hung.le@example.org');
    await user.type(within(form).getByLabelText(/Referee's institution/), 'Hanoi Medical University');
    await user.type(within(form).getByLabelText(/How the referee knows you/), 'Attending on my clerkship');
    const waiver = within(form).getByLabelText('I waive my right to read this letter');
    expect(waiver).toBeChecked();
    expect(within(form).getByText(/cannot be changed once the letter arrives/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Send request' }));
    expect(sent).toMatchObject({ referee_name: 'Dr. Lê Văn Hùng', referee_email: 'hung.le@example.org', waived: true });
    const table = await screen.findByRole('table', { name: 'Your letters of recommendation' });
    expect(within(table).getByText('Requested')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Resend the link to Dr. Lê Văn Hùng' })).toBeInTheDocument();
  });

  it('puts the server error on the field it names', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/letters': { body: { items: [] } },
      'POST /api/me/letters': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'referee_email must be an e-mail address', field: 'referee_email' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/letters');
    await user.click(await screen.findByRole('button', { name: 'Request a letter' }));
    await user.click(await screen.findByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('The request was not sent')).toBeInTheDocument();
    expect(screen.getByLabelText(/Referee's e-mail/)).toHaveAccessibleDescription(/must be an e-mail address/);
  });
});

describe('Referee page', () => {
  it('shows who asked and the waiver, then uploads the PDF', async () => {
    const calls = mockFetch({
      ...healthOk,
      ...sessionAs(null),
      'GET /api/referee/letter?token=tok': { body: refereeView },
      'PUT /api/referee/letter/file?token=tok': {
        body: { ...refereeView, status: 'received', received_at: '2026-11-28T10:00:00Z', pages: 1, can_replace: true },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/letters/upload?token=tok');
    expect(await screen.findByText(/Amina Khan asks you for a letter/)).toBeInTheDocument();
    expect(screen.getByText(/has waived the right to read your letter/)).toBeInTheDocument();
    const file = new File(['%PDF-1.4 letter'], 'letter.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText(/^Letter/), file);
    await user.click(screen.getByRole('button', { name: 'Upload the letter' }));
    expect(await screen.findByText(/Your letter was received/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace the letter' })).toBeInTheDocument();
    const put = calls.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[1]?.body).toBe(file);
  });

  it('explains a link that does not work', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(null),
      'GET /api/referee/letter?token=old': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'this link is invalid, already used or expired; ask for a new one', field: 'token' } },
      },
    });
    renderRoutes(routes, '/letters/upload?token=old');
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired/);
  });
});
