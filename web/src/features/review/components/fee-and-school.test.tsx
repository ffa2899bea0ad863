import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { SchoolVerificationStatus } from './school-verification-status';
import { StaffFeePanel } from './staff-fee-panel';

const recorded = {
  amount_cents: 5000,
  currency: 'USD',
  category: '',
  status: 'recorded' as const,
  method: 'card',
  reference: 'TX-42',
  recorded_at: '2027-01-15T08:00:00Z',
  decided_at: '',
  note: '',
};

describe('fee and school verification for programs', () => {
  it('lets a coordinator confirm a recorded payment', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    mockFetch({
      'POST /api/institutions/inst-1/applications/app-1/fee': (init) => {
        sent = JSON.parse(String(init.body));
        return { body: { fee: { ...recorded, status: 'confirmed' } } };
      },
    });
    renderWithProviders(<StaffFeePanel institutionId="inst-1" applicationId="app-1" fee={recorded} coordinator />);
    expect(screen.getByText(/reference TX-42/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refund fee' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Note for the applicant/), 'Thanks');
    await user.click(screen.getByRole('button', { name: 'Confirm payment' }));
    expect(sent).toEqual({ action: 'confirm', note: 'Thanks' });
  });

  it('shows reviewers the fee without actions', () => {
    renderWithProviders(<StaffFeePanel institutionId="inst-1" applicationId="app-1" fee={recorded} coordinator={false} />);
    expect(screen.getByText('Payment recorded')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says who verified the school and when', () => {
    renderWithProviders(
      <SchoolVerificationStatus
        letterHref="/x.pdf"
        school={{
          status: 'verified',
          school_name: 'Hanoi Medical University',
          office_name: "Dean's office",
          claim: 'graduated',
          year: 2021,
          good_standing: true,
          method: 'attest',
          attester_name: 'Dr. An',
          attester_title: 'Associate Dean',
          has_letter: false,
          requested_at: '2027-01-10T08:00:00Z',
          responded_at: '2027-01-15T08:00:00Z',
        }}
      />,
    );
    expect(screen.getByText('School verified')).toBeInTheDocument();
    expect(screen.getByText(/graduated in 2021, in good standing\. Attested by Dr\. An, Associate Dean/)).toBeInTheDocument();
  });
});
