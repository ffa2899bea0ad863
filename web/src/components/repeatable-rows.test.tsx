import { TextInput } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithProviders } from '@/testing/render';
import { newRowKey, RepeatableRows } from './repeatable-rows';

type Row = { key: string; language: string };

function Harness({ initial = [], max, error }: { initial?: Row[]; max?: number; error?: string }) {
  const [rows, setRows] = useState<Row[]>(initial);
  return (
    <>
      <RepeatableRows
        legend="Languages"
        itemLabel="Language"
        rows={rows}
        onChange={setRows}
        newRow={() => ({ key: newRowKey(), language: '' })}
        addLabel="Add a language"
        emptyText="No languages yet."
        error={error}
        {...(max !== undefined ? { max } : {})}
        renderRow={(row, i, set) => (
          <TextInput
            label="Language"
            name={`languages[${i}].language`}
            value={row.language}
            onChange={(event) => set({ language: event.currentTarget.value })}
          />
        )}
      />
      <output aria-label="values">{rows.map((r) => r.language).join('|')}</output>
    </>
  );
}

describe('RepeatableRows', () => {
  it('starts empty with its hint, adds numbered rows and focuses the new row’s first input', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    const list = screen.getByRole('group', { name: 'Languages' });
    expect(within(list).getByText('No languages yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a language' }));
    const first = screen.getByRole('group', { name: 'Language 1' });
    expect(within(first).getByLabelText('Language')).toHaveFocus();
    await user.keyboard('Vietnamese');

    await user.click(screen.getByRole('button', { name: 'Add a language' }));
    expect(within(screen.getByRole('group', { name: 'Language 2' })).getByLabelText('Language')).toHaveFocus();
    await user.keyboard('English');
    expect(screen.getByRole('status', { name: 'values' })).toHaveTextContent('Vietnamese|English');
  });

  it('removes the named row, renumbers the rest and returns focus to the Add button', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Harness
        initial={[
          { key: 'a', language: 'Urdu' },
          { key: 'b', language: 'English' },
          { key: 'c', language: 'Punjabi' },
        ]}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Remove language 2' }));
    expect(screen.getByRole('status', { name: 'values' })).toHaveTextContent('Urdu|Punjabi');
    expect(screen.queryByRole('group', { name: 'Language 3' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Language 2' })).getByLabelText('Language')).toHaveValue('Punjabi');
    expect(screen.getByRole('button', { name: 'Add a language' })).toHaveFocus();
  });

  it('hides Add at the maximum and shows a list-level error', () => {
    renderWithProviders(<Harness initial={[{ key: 'a', language: 'Urdu' }]} max={1} error="At most 1 language." />);
    expect(screen.queryByRole('button', { name: 'Add a language' })).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('At most 1 language.');
  });
});
