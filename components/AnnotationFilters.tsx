/**
 * The filter bar of the annotations page: text search, site, tag, a date range, "only unplaced" when some
 * annotations are orphans, and a live line saying how many annotations are shown.
 */
import { useId } from 'preact/hooks';
import type { Facet } from '../lib/annotations/filter';
import './theme.css';
import './annotations.css';

/** The filter values as the controls hold them ('' means "any"). */
export interface AnnotationFilterValues {
  text: string;
  site: string;
  tag: string;
  from: string;
  to: string;
  orphansOnly: boolean;
}

/** No filter at all. */
export const NO_FILTER: AnnotationFilterValues = { text: '', site: '', tag: '', from: '', to: '', orphansOnly: false };

/** Props of {@link AnnotationFilters}. */
export interface AnnotationFiltersProps {
  values: AnnotationFilterValues;
  onChange(values: AnnotationFilterValues): void;
  sites: readonly Facet[];
  tags: readonly Facet[];
  /** How many annotations are orphans (the "only unplaced" box shows when there are some). */
  orphanCount: number;
  total: number;
  shown: number;
}

function countLine(shown: number, total: number): string {
  const noun = total === 1 ? 'annotation' : 'annotations';
  return shown === total ? `${total} ${noun}.` : `Showing ${shown} of ${total} ${noun}.`;
}

function FacetSelect(props: { id: string; label: string; any: string; value: string; facets: readonly Facet[]; onPick(v: string): void }) {
  return (
    <div class="cc-ann-field">
      <label class="cc-label" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} class="cc-input" value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)}>
        <option value="">{props.any}</option>
        {/* A chosen value whose last annotation went away stays listed, so the control shows what filters. */}
        {props.value && !props.facets.some((f) => f.value === props.value) ? (
          <option value={props.value}>{`${props.value} (0)`}</option>
        ) : null}
        {props.facets.map((f) => (
          <option key={f.value} value={f.value}>
            {`${f.value} (${f.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { id: string; label: string; value: string; onPick(v: string): void }) {
  return (
    <div class="cc-ann-field">
      <label class="cc-label" for={props.id}>
        {props.label}
      </label>
      <input id={props.id} class="cc-input" type="date" value={props.value} onInput={(e) => props.onPick(e.currentTarget.value)} />
    </div>
  );
}

/** A `role="search"` region of labelled controls. */
export function AnnotationFilters({ values, onChange, sites, tags, orphanCount, total, shown }: AnnotationFiltersProps) {
  const id = useId();
  const set = (change: Partial<AnnotationFilterValues>) => onChange({ ...values, ...change });
  const active = (Object.keys(NO_FILTER) as (keyof AnnotationFilterValues)[]).some((k) => values[k] !== NO_FILTER[k]);
  return (
    <section class="cc-ann-filters" role="search" aria-label="Filter annotations">
      <div class="cc-ann-field cc-ann-field--wide">
        <label class="cc-label" for={`${id}-text`}>
          Search notes, quotes and tags
        </label>
        <input
          id={`${id}-text`}
          class="cc-input"
          type="search"
          autocomplete="off"
          value={values.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <FacetSelect id={`${id}-site`} label="Site" any="All sites" value={values.site} facets={sites} onPick={(site) => set({ site })} />
      <FacetSelect id={`${id}-tag`} label="Tag" any="All tags" value={values.tag} facets={tags} onPick={(tag) => set({ tag })} />
      <DateField id={`${id}-from`} label="From" value={values.from} onPick={(from) => set({ from })} />
      <DateField id={`${id}-to`} label="To" value={values.to} onPick={(to) => set({ to })} />
      {orphanCount > 0 ? (
        <div class="cc-ann-field cc-ann-field--check">
          <input
            id={`${id}-orphans`}
            type="checkbox"
            checked={values.orphansOnly}
            onChange={(e) => set({ orphansOnly: e.currentTarget.checked })}
          />
          <label for={`${id}-orphans`}>Only the {orphanCount} not found on their page</label>
        </div>
      ) : null}
      <p class="cc-status cc-ann-count" role="status">
        {countLine(shown, total)}
      </p>
      {active ? (
        <button type="button" class="cc-button cc-button--quiet cc-button--small" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      ) : null}
    </section>
  );
}
