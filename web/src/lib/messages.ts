import { z } from 'zod';

/** One message of an application's thread (applicant ↔ institution staff). */
export const messageSchema = z.object({
  id: z.string(),
  sender_id: z.string(),
  sender_name: z.string(),
  side: z.enum(['applicant', 'institution']),
  body: z.string(),
  created_at: z.string(),
});
export type Message = z.infer<typeof messageSchema>;
export const messageListSchema = z.object({ items: z.array(messageSchema) });

/** One timeline entry: a status change or a message. */
export const timelineEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  event: z.string(),
  from: z.string(),
  to: z.string(),
  actor_kind: z.string(),
  detail: z.string(),
  created_at: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEventSchema>;

const EVENT_WORDS: Record<string, string> = {
  submit: 'Submitted',
  withdraw: 'Withdrawn',
  start_review: 'Moved to review',
  request_info: 'More information requested',
  answer_info: 'Information sent',
  invite_interview: 'Invited to interview',
  waitlist: 'Waitlisted',
  reject: 'Not offered a place',
  offer: 'Offered a seat',
  accept: 'Offer accepted',
  decline: 'Offer declined',
  rescind_offer: 'Offer rescinded',
  expire_offer: 'Offer expired',
  complete: 'Completed',
};

/** A timeline entry in words. */
export function describeTimelineEntry(entry: TimelineEntry): string {
  if (entry.kind === 'message') return entry.actor_kind === 'applicant' ? 'Message from the applicant' : 'Message from the program';
  return EVENT_WORDS[entry.event] ?? entry.event;
}
