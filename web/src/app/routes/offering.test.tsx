import { screen, within } from '@testing-library/react';
import { mockFetch, renderRoutes } from '@/testing/render';
import { offering, vocabulary } from '@/testing/catalog';
import { healthOk, sessionAs } from '@/testing/users';
import { routes } from '../router';

function mock(status = 200, body: unknown = offering) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(null),
    'GET /api/catalog/vocabulary': { body: vocabulary },
    'GET /api/offerings/off-cardio': { status, body },
  });
}

describe('offering page', () => {
  it('shows the details, fees and the all-in cost per applicant category', async () => {
    mock();
    renderRoutes(routes, '/rotations/off-cardio');

    expect(await screen.findByRole('heading', { level: 1, name: 'Cardiology Elective' })).toBeInTheDocument();
    expect(screen.getByText('Lakeshore University Medical Center · Chicago, IL')).toBeInTheDocument();
    expect(screen.getByText('Inpatient cardiology consults and the cath lab.')).toBeInTheDocument();

    const cost = screen.getByRole('region', { name: 'All-in cost' });
    expect(cost).toHaveTextContent('Medical students$600.00');
    expect(cost).toHaveTextContent('Graduates$3,100.00');

    const fees = screen.getByRole('table', { name: 'Fees' });
    expect(within(fees).getByRole('row', { name: /Tuition \/ rotation fee Graduates \$2,500.00/ })).toBeInTheDocument();
    expect(within(fees).getByRole('row', { name: /Deposit \(refundable\) Everyone \$500.00/ })).toBeInTheDocument();
    expect(screen.getByText('Deposit refunded up to 30 days before the start.')).toBeInTheDocument();

    const who = screen.getByRole('region', { name: 'Who can apply' });
    expect(who).toHaveTextContent('USMLE Step 1');
    expect(who).toHaveTextContent('B-1/B-2 visitor visa, J-1');
    expect(who).toHaveTextContent('At most 5');
    expect(who).toHaveTextContent('OET grade B');
    expect(screen.getByRole('region', { name: 'Documents to send' })).toHaveTextContent('Letter of recommendation (2)');
    const facts = screen.getByRole('region', { name: 'Practical facts' });
    expect(facts).toHaveTextContent('EMR accessYes');
    expect(facts).toHaveTextContent('SettingInpatient and outpatient');
    expect(facts).toHaveTextContent('Visa letter supportYes');
    expect(screen.getByRole('link', { name: 'rotations@lakeshore.example' })).toHaveAttribute('href', 'mailto:rotations@lakeshore.example');

    const blocks = screen.getByRole('table', { name: 'Dates and seats' });
    expect(within(blocks).getByRole('row', { name: /Mar 1 – Mar 28, 2027/ })).toHaveTextContent('Jan 15, 2027, 11:59 PM CST (Chicago time)');
  });

  it('shows "not found" for an offering that is not published', async () => {
    mock(404, { error: { code: 'not_found', message: 'no such offering' } });
    renderRoutes(routes, '/rotations/off-cardio');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
  });
});
