import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '@/testing/render';
import { offering } from '@/testing/catalog';
import { BlocksTable } from './blocks-table';

describe('BlocksTable', () => {
  it('shows opening day and deadline on the institution clock and on the reader clock', () => {
    renderWithProviders(
      <>
        <h2 id="h">Dates</h2>
        <BlocksTable
          blocks={offering.blocks}
          timeZone="America/Chicago"
          viewerZone="Asia/Kolkata"
          labelledBy="h"
          now={new Date('2026-11-27T12:00:00Z')}
        />
      </>,
    );
    const row = within(screen.getByRole('table', { name: 'Dates' })).getByRole('row', { name: /Mar 1 – Mar 28, 2027/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('2 of 3');
    // Opens at midnight in Chicago (daylight time in September) = 10:30 in India.
    expect(cells[1]).toHaveTextContent('Sep 1, 2026, 12:00 AM CDT (Chicago time)');
    expect(cells[1]).toHaveTextContent('Sep 1, 2026, 10:30 AM GMT+5:30 (your time)');
    // The deadline is the end of Jan 15 in Chicago, which is already Jan 16 in India.
    expect(cells[2]).toHaveTextContent('Jan 15, 2027, 11:59 PM CST (Chicago time)');
    expect(cells[2]).toHaveTextContent('Jan 16, 2027, 11:29 AM GMT+5:30 (your time)');
    expect(cells[3]).toHaveTextContent('Open now');
  });

  it('says a block is closed once the deadline has passed in the institution zone', () => {
    renderWithProviders(
      <BlocksTable
        blocks={offering.blocks}
        timeZone="America/Chicago"
        viewerZone="America/Chicago"
        labelledBy="h"
        now={new Date('2027-01-16T06:00:00Z')}
      />,
    );
    expect(screen.getByText('Closed')).toBeInTheDocument();
    // Same zone as the institution: one line per moment.
    expect(screen.queryByText(/your time/)).not.toBeInTheDocument();
  });
});
