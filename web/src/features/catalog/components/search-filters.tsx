import { Button, Checkbox, NativeSelect, Stack, Title } from '@mantine/core';
import { countryName, formatMonth } from '@/lib/format';
import type { Vocabulary } from '../api/get-vocabulary';
import type { Facets } from '../api/search-offerings';
import { FEE_CHOICES, hasFilters, type SearchKey, type SearchState } from '../search-state';
import { specialtyLabel, typeLabel, visaLabel } from './labels';

type Props = {
  state: SearchState;
  facets: Facets | undefined;
  vocabulary: Vocabulary | undefined;
  onChange: (changes: SearchState) => void;
};

type Option = { value: string; label: string };

const ANY = { value: '', label: 'Any' };

function withCount(label: string, count: number | undefined): string {
  return count === undefined ? label : `${label} (${count})`;
}

/**
 * The options of one facet. The server counts over the current results, so for a facet that is
 * not set, the options are the values that occur (with their counts); for a facet that is set,
 * the other values have no count in this answer, so all known values are offered without one.
 */
function facetOptions(
  key: SearchKey,
  state: SearchState,
  counts: Record<string, number> | undefined,
  known: string[],
  label: (value: string) => string,
  sort: 'count' | 'value' = 'count',
): Option[] {
  const selected = state[key];
  const present = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  if (sort === 'count') present.sort((a, b) => b[1] - a[1] || label(a[0]).localeCompare(label(b[0])));
  else present.sort((a, b) => a[0].localeCompare(b[0]));
  if (selected === undefined) {
    return [ANY, ...present.map(([value, n]) => ({ value, label: withCount(label(value), n) }))];
  }
  const values = [...new Set([selected, ...known, ...present.map(([value]) => value)])];
  if (sort === 'value') values.sort();
  return [
    ANY,
    ...values.map((value) => ({
      value,
      label: value === selected ? withCount(label(value), counts?.[value] ?? 0) : label(value),
    })),
  ];
}

/** Facet filters with counts; every change goes straight into the URL. */
export function SearchFilters({ state, facets, vocabulary, onChange }: Props) {
  const select = (key: SearchKey) => ({
    value: state[key] ?? '',
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => onChange({ [key]: event.currentTarget.value }),
  });

  // Counts of a facet that is set describe only the chosen value; the others go without one.
  const countFor = (key: SearchKey, value: string, n: number) =>
    state[key] === undefined || state[key] === value ? n : undefined;

  const handsOn = facets?.hands_on ?? {};
  const handsOnOptions: Option[] = [
    ANY,
    { value: 'true', label: withCount('Hands-on patient care', countFor('hands_on', 'true', handsOn['1'] ?? 0)) },
    { value: 'false', label: withCount('Observation only', countFor('hands_on', 'false', handsOn['0'] ?? 0)) },
  ];

  const fee = facets?.fee ?? {};
  const feeOptions: Option[] = [
    ANY,
    ...FEE_CHOICES.map((choice) => ({
      value: choice.value,
      label: withCount(
        choice.label,
        countFor(
          'fee_max',
          choice.value,
          choice.buckets.reduce((sum, bucket) => sum + (fee[bucket] ?? 0), 0),
        ),
      ),
    })),
  ];
  if (state.fee_max && !FEE_CHOICES.some((choice) => choice.value === state.fee_max)) {
    feeOptions.push({ value: state.fee_max, label: `Up to $${(Number(state.fee_max) / 100).toLocaleString('en-US')}` });
  }

  const openNow = facets?.open_now?.true ?? 0;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Filters
      </Title>
      <NativeSelect
        label="Type"
        data={facetOptions('type', state, facets?.type, vocabulary?.types ?? [], typeLabel)}
        {...select('type')}
      />
      <NativeSelect
        label="Specialty"
        data={facetOptions(
          'specialty',
          state,
          facets?.specialty,
          vocabulary?.specialties.map((s) => s.code) ?? [],
          (code) => specialtyLabel(code, vocabulary),
        )}
        {...select('specialty')}
      />
      <NativeSelect label="State" data={facetOptions('state', state, facets?.state, [], (s) => s, 'value')} {...select('state')} />
      {(Object.keys(facets?.country ?? {}).length > 1 || state.country) && (
        <NativeSelect
          label="Country"
          data={facetOptions('country', state, facets?.country, [], countryName)}
          {...select('country')}
        />
      )}
      <NativeSelect label="Patient contact" data={handsOnOptions} {...select('hands_on')} />
      <NativeSelect label="All-in cost" data={feeOptions} {...select('fee_max')} />
      <NativeSelect
        label="Block starts in"
        data={facetOptions('start_month', state, facets?.start_month, [], formatMonth, 'value')}
        {...select('start_month')}
      />
      <NativeSelect
        label="Visa accepted"
        data={facetOptions('visa', state, facets?.visa, vocabulary?.visa_types ?? [], visaLabel)}
        {...select('visa')}
      />
      <Checkbox
        label={withCount('Open for applications now', openNow)}
        checked={state.open_now === 'true'}
        onChange={(event) => onChange({ open_now: event.currentTarget.checked ? 'true' : '' })}
      />
      {hasFilters(state) && (
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() =>
              onChange({
                type: '',
                specialty: '',
                state: '',
                country: '',
                hands_on: '',
                fee_max: '',
                open_now: '',
                start_month: '',
                visa: '',
              })
            }
          >
            Clear all filters
          </Button>
        </div>
      )}
    </Stack>
  );
}
