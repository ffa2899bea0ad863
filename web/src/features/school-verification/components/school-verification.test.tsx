import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { SchoolOfficePage } from './school-office-page';
import { SchoolVerificationCard } from './school-verification-card';

const office = {
  applicant_name: 'Nguyễn Thị Minh Khai',
  applicant_status: 'graduate',
  graduation_date: '2021-06-30',
  school_name: 'Hanoi Medical University',
  office_name: 'Office of Student Affairs',
  status: 'requested',
  has_letter: false,
  letter_pages: 0,
  responded_at: '',
};

describe('school verification', () => {
  it('lets the applicant ask the office and shows the status', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    const requested = {
      id: 'sv-1',
      school_name: 'Hanoi Medical University',
      office_name: 'Dean',
      office_email: 'dean@hmu.edu.vn',
      status: 'requested',
      claim: '',
      year: null,
      good_standing: false,
      method: '',
      attester_name: '',
      attester_title: '',
      reason: '',
      created_at: '2027-01-15T08:00:00Z',
      responded_at: '',
    };
    let items: unknown[] = [];
    mockFetch({
      'GET /api/me/school-verifications': () => ({ body: { items } }),
      'POST /api/me/school-verifications': (init) => {
        sent = JSON.parse(String(init.body));
        items = [requested];
        return { status: 201, body: requested };
      },
    });
    renderWithProviders(<SchoolVerificationCard />);
    await user.type(await screen.findByLabelText(/Office name/), 'Dean');
    await user.type(screen.getByLabelText(/Office e-mail/), 'dean@hmu.edu.vn');
    await user.click(screen.getByRole('button', { name: 'Send verification request' }));
    expect(await screen.findByText('Requested')).toBeInTheDocument();
    expect(sent).toEqual({ office_name: 'Dean', office_email: 'dean@hmu.edu.vn' });
    expect(screen.queryByRole('button', { name: 'Send verification request' })).toBeNull();
  });

  it('lets the office attest graduation and good standing without an account', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    mockFetch({
      'GET /api/school-verification?token=tok': { body: office },
      'POST /api/school-verification?token=tok': (init) => {
        sent = JSON.parse(String(init.body));
        return { body: { ...office, status: 'verified', responded_at: '2027-01-15T09:00:00Z' } };
      },
    });
    renderWithProviders(<SchoolOfficePage token="tok" />);
    expect(await screen.findByText(/Nguyễn Thị Minh Khai asks Hanoi Medical University/)).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Year of graduation/), '2021');
    await user.click(screen.getByLabelText('The applicant is in good standing'));
    await user.type(screen.getByLabelText(/Your name/), 'Dr. Trần Văn An');
    await user.type(screen.getByLabelText(/Your title/), 'Associate Dean');
    await user.click(screen.getByLabelText(/I attest/));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/Your answer was recorded/)).toBeInTheDocument();
    expect(sent).toEqual({
      decision: 'verify',
      claim: 'graduated',
      year: 2021,
      good_standing: true,
      attest: true,
      attester_name: 'Dr. Trần Văn An',
      attester_title: 'Associate Dean',
    });
  });

  it('explains a link that no longer works', async () => {
    mockFetch({
      'GET /api/school-verification?token=old': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'This link is invalid or has expired.', field: 'token' } },
      },
    });
    renderWithProviders(<SchoolOfficePage token="old" />);
    expect(await screen.findByText('This link does not work')).toBeInTheDocument();
  });
});
