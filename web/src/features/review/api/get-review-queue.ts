import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reviewBase, reviewQueueKey, reviewQueueSchema, type ReviewQueue } from './review-schema';

export type QueueFilters = {
  status?: string;
  q?: string;
  country?: string;
  exam?: string;
  min_score?: string;
  compliance_cleared?: string;
  /** 'true': no eligibility flags; 'false': at least one. */
  eligible?: string;
  school_verified?: string;
  sort?: string;
  offset?: number;
  limit?: number;
};

/** GET /api/institutions/{id}/offerings/{oid}/review with filters, sort and paging. */
export function getReviewQueue(institutionId: string, offeringId: string, filters: QueueFilters, signal?: AbortSignal): Promise<ReviewQueue> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  const path = `${reviewBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/review${query ? `?${query}` : ''}`;
  return api.get(path, reviewQueueSchema, signal ? { signal } : undefined);
}

export function getReviewQueueQueryOptions(institutionId: string, offeringId: string, filters: QueueFilters) {
  return queryOptions({
    queryKey: [...reviewQueueKey(institutionId, offeringId), filters],
    queryFn: ({ signal }) => getReviewQueue(institutionId, offeringId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReviewQueue(institutionId: string, offeringId: string, filters: QueueFilters, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getReviewQueueQueryOptions(institutionId, offeringId, filters), enabled: options.enabled ?? true });
}
