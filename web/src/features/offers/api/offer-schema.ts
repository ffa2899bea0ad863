import { z } from 'zod';

/** An offer of one block (docs/offers.md). */
export const offerSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  institution_name: z.string(),
  time_zone: z.string(),
  block: z.object({
    id: z.string(),
    start_date: z.string(),
    end_date: z.string(),
    seats: z.number().int(),
    filled: z.number().int(),
    seats_left: z.number().int(),
    pending_offers: z.number().int(),
  }),
  status: z.enum(['pending', 'accepted', 'declined', 'expired', 'rescinded', 'lapsed']),
  expires_at: z.string(),
  reason: z.string(),
  from_waitlist: z.boolean(),
  placement_id: z.string(),
  version: z.number().int(),
  created_at: z.string(),
  applicant_name: z.string().optional(),
});
export type Offer = z.infer<typeof offerSchema>;
export const offerListSchema = z.object({ items: z.array(offerSchema) });

export const placementSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  applicant_id: z.string(),
  block_id: z.string(),
  source: z.string(),
  status: z.string(),
  status_reason: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  applicant_name: z.string().optional(),
});
export type Placement = z.infer<typeof placementSchema>;

export const offerSettingsSchema = z.object({
  expiry_days: z.number().int().min(1).max(60),
  waitlist_promotion: z.enum(['auto', 'notify']),
});
export type OfferSettings = z.infer<typeof offerSettingsSchema>;

export const boardBlockSchema = z.object({
  id: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  seats: z.number().int(),
  filled: z.number().int(),
  seats_left: z.number().int(),
  pending_offers: z.number().int(),
  waitlist: z.array(z.string()),
});
export type BoardBlock = z.infer<typeof boardBlockSchema>;

export const offeringOffersSchema = z.object({
  settings: offerSettingsSchema,
  blocks: z.array(boardBlockSchema),
  offers: z.array(offerSchema),
  placements: z.array(placementSchema),
});
export type OfferingOffers = z.infer<typeof offeringOffersSchema>;

export const acceptanceSchema = z.object({
  offer: offerSchema,
  placement: placementSchema,
  declined_offer_ids: z.array(z.string()),
});

export const OFFER_STATUS_LABELS: Record<Offer['status'], string> = {
  pending: 'Waiting for the applicant',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  rescinded: 'Rescinded',
  lapsed: 'No seat left when accepted',
};

export const institutionBase = (institutionId: string) => `/institutions/${encodeURIComponent(institutionId)}`;
export const offeringOffersKey = (institutionId: string, offeringId: string) =>
  ['institutions', institutionId, 'offerings', offeringId, 'offers'] as const;
export const staffApplicationOffersKey = (institutionId: string, applicationId: string) =>
  ['institutions', institutionId, 'applications', applicationId, 'offers'] as const;
export const myApplicationOffersKey = (applicationId: string) => ['applications', applicationId, 'offers'] as const;
