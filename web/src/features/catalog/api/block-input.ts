import { z } from 'zod';
import { textToInteger } from '@/lib/format';
import type { Block } from './offering-schema';

/** The block form's values: dates from <input type=date> (YYYY-MM-DD) and seats as typed. */
export type BlockFormValues = { start_date: string; end_date: string; seats: string; opens_on: string; deadline: string };

/** The body of POST/PUT …/blocks; the date rules (end after start, deadline before start) are the server's. */
export const blockInputSchema = z.object({
  start_date: z.string().trim(),
  end_date: z.string().trim(),
  seats: z.string().transform(textToInteger),
  opens_on: z.string().trim(),
  deadline: z.string().trim(),
});

export const BLOCK_FIELDS = ['start_date', 'end_date', 'seats', 'opens_on', 'deadline'] as const;

export const EMPTY_BLOCK: BlockFormValues = { start_date: '', end_date: '', seats: '', opens_on: '', deadline: '' };

export function blockFormValues(block: Block): BlockFormValues {
  return {
    start_date: block.start_date,
    end_date: block.end_date,
    seats: String(block.seats),
    opens_on: block.opens_on,
    deadline: block.deadline,
  };
}

export function blocksPath(institutionId: string, offeringId: string): string {
  return `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}/blocks`;
}
