import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { EligibilityList } from '@/components/eligibility-list';
import { renderWithProviders } from '@/testing/render';
import { SubmitReadiness } from './submit-readiness';

const checks = [
  { rule: 'applicant_status', met: true, requirement: 'Graduates only.', reason: 'You are a graduate.', profile_field: 'status' },
  {
    rule: 'visa',
    met: false,
    requirement: 'Visa accepted: B-1/B-2.',
    reason: 'Your visa (F-1) is not one this offering accepts.',
    profile_field: 'visa.current',
  },
];

function render(element: React.ReactElement) {
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('before you submit', () => {
  it('lists every problem and each eligibility rule with what fails and why', () => {
    render(
      <SubmitReadiness
        problems={[
          { field: 'letters', message: 'This offering asks for 2 letters of recommendation; 1 is assigned.' },
          { field: 'eligibility.visa', message: 'Visa accepted: B-1/B-2. Your visa (F-1) is not one this offering accepts.' },
        ]}
        eligibility={checks}
      />,
    );
    expect(screen.getByText('2 things to fix before you submit')).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'What keeps this application from being submitted' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(2);
    expect(problems).toHaveTextContent('1 is assigned');

    const rules = within(screen.getByRole('list', { name: 'Eligibility' })).getAllByRole('listitem');
    expect(rules[0]).toHaveTextContent('Met');
    expect(rules[0]).toHaveTextContent('Graduates only.');
    expect(within(rules[0]!).queryByRole('link')).toBeNull();
    expect(rules[1]).toHaveTextContent('Not met');
    expect(rules[1]).toHaveTextContent('Your visa (F-1) is not one this offering accepts.');
    expect(within(rules[1]!).getByRole('link', { name: 'Update your profile' })).toHaveAttribute('href', '/profile');
  });

  it('says when the application is ready', () => {
    render(<SubmitReadiness problems={[]} eligibility={[]} />);
    expect(screen.getByText('Ready to submit')).toBeInTheDocument();
    expect(screen.getByText('This rotation states no eligibility rules.')).toBeInTheDocument();
  });

  it('shows reviewers the flags without links to the profile', () => {
    render(<EligibilityList checks={checks} label="Eligibility flags" />);
    const list = screen.getByRole('list', { name: 'Eligibility flags' });
    expect(within(list).getAllByText(/^(Met|Not met)$/)).toHaveLength(2);
    expect(within(list).queryByRole('link')).toBeNull();
  });
});
