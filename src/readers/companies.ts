import { list } from './lists';
import { labelOf, type Reader } from './read';
import { id } from './values';

/** The Company choice that stands for every active company (fields.ts `companiesField`). */
export const ALL_COMPANIES = 'all';

export type CompanySelection = { all: true } | { all: false; ids: string[] };

const companyId = id('company');

/**
 * One, several or all companies, from a multi-select, a comma-separated list mapped from an
 * earlier step, or the All Companies choice. Blank means all unless `required`.
 */
export const companies =
  ({ required = false }: { required?: boolean } = {}): Reader<CompanySelection> =>
  (field, raw) => {
    const chosen = (list(field, raw) as { value: string[] }).value;
    const all = chosen.filter((item) => item.toLowerCase() === ALL_COMPANIES);
    if (chosen.length === 0) {
      return required
        ? { problem: `Choose the ${labelOf(field)}, or All Companies.` }
        : { value: { all: true } };
    }
    if (all.length === chosen.length) return { value: { all: true } };
    if (all.length > 0) {
      return {
        problem: `${labelOf(field)} holds All Companies and particular companies: choose one or the other.`,
      };
    }
    for (const item of chosen) {
      const read = companyId(field, item);
      if ('problem' in read) return read;
    }
    return { value: { all: false, ids: chosen } };
  };

/** The companies a list is limited to: undefined for every company. */
export const companyIdsOf = (selection: CompanySelection): string[] | undefined =>
  selection.all ? undefined : selection.ids;

/**
 * The one company to name in CallRail's `company_id` filter, which takes one: several are asked
 * for without it, in one request, and the rows filtered.
 */
export const oneCompanyOf = (companies: readonly string[] | undefined): string | undefined =>
  companies?.length === 1 ? companies[0] : undefined;
