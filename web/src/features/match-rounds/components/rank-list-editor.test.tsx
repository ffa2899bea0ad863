import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { move, RankListEditor, type RankItem } from './rank-list-editor';

function Harness({ initial }: { initial: RankItem[] }) {
  const [items, setItems] = useState(initial);
  return (
    <MantineProvider>
      <RankListEditor items={items} onChange={setItems} label="Your rank order" />
    </MantineProvider>
  );
}

const items = [
  { id: 'a', label: 'Cardiology' },
  { id: 'b', label: 'Surgery' },
  { id: 'c', label: 'Pediatrics' },
];

describe('move', () => {
  it('moves an item and ignores moves out of range', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});

describe('RankListEditor', () => {
  it('reorders with the keyboard-accessible up and down buttons', async () => {
    render(<Harness initial={items} />);
    const list = screen.getByRole('list', { name: 'Your rank order' });
    expect(list).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move Cardiology up' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Move Pediatrics up' }));
    const rows = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(rows[1]).toContain('Pediatrics');
    expect(rows[2]).toContain('Surgery');
    expect(screen.getByText('Pediatrics moved to position 2 of 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Move Cardiology down' }));
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('Pediatrics');
  });
});
