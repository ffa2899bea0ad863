import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { reviewer } from '@/testing/users';
import { AcceptInvitation } from './accept-invitation';

const invitation = {
  institution_name: 'Lakeshore University Medical Center',
  role: 'reviewer',
  email: 'reviewer@lakeshore.example',
};

function renderIt(onAccepted = vi.fn()) {
  renderWithProviders(
    <MemoryRouter>
      <AcceptInvitation token="tok" onAccepted={onAccepted} />
    </MemoryRouter>,
  );
  return onAccepted;
}

describe('AcceptInvitation', () => {
  it('a new person gives a name and a new password', async () => {
    const fetchMock = mockFetch({
      'GET /api/invitations/tok': { body: { ...invitation, has_account: false } },
      'POST /api/invitations/accept': { body: { user: reviewer, csrf_token: 'c' } },
    });
    const user = userEvent.setup();
    const onAccepted = renderIt();

    expect(await screen.findByText(/You have been invited to/)).toHaveTextContent(
      'You have been invited to Lakeshore University Medical Center as a reviewer',
    );
    expect(screen.getByLabelText(/^E-mail/)).toHaveValue('reviewer@lakeshore.example');
    expect(screen.getByLabelText(/^Choose a password/)).toHaveAttribute('autocomplete', 'new-password');
    await user.type(screen.getByLabelText(/^Your name/), 'Ravi Reviewer');
    await user.type(screen.getByLabelText(/^Choose a password/), 'a long password here');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    await vi.waitFor(() => expect(onAccepted).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/invitations/accept') as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ token: 'tok', password: 'a long password here', display_name: 'Ravi Reviewer' });
  });

  it('someone with an account is asked only for their password, and errors show next to it', async () => {
    mockFetch({
      'GET /api/invitations/tok': { body: { ...invitation, has_account: true } },
      'POST /api/invitations/accept': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'the password is not correct', field: 'password' } },
      },
    });
    const user = userEvent.setup();
    renderIt();

    const password = await screen.findByLabelText(/^Password/);
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.queryByLabelText(/^Your name/)).not.toBeInTheDocument();
    await user.type(password, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    await vi.waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/the password is not correct/);
  });

  it('explains a used or expired invitation', async () => {
    mockFetch({
      'GET /api/invitations/tok': { status: 404, body: { error: { code: 'not_found', message: 'this invitation has expired or was already used' } } },
    });
    renderIt();
    expect(await screen.findByRole('alert')).toHaveTextContent('this invitation has expired or was already used');
  });
});
