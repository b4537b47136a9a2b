import { uniqueById } from '../listPage';
import { oneCompanyOf } from '../readers';
import type { RecentItems } from '../recentItems';
import { byNewest, listPage } from './requests';
import { formSubmissionResource, type FormSubmissionOutput } from './resource';

/**
 * Newest submissions first, one page or, for a burst, as many as are new. A submission is
 * recorded whole when the visitor sends the form: never half-done, so none is held back.
 */
export const recentFormSubmissions: RecentItems<
  /** Only submissions of these companies; every company when undefined. */
  { companies?: readonly string[] | undefined },
  FormSubmissionOutput
> = {
  what: 'form submissions',
  pageFrom: (z, bundle, { companies }, { pageSize, before, page }) =>
    listPage(
      z,
      bundle,
      { company_id: oneCompanyOf(companies), end_date: before },
      pageSize,
      page?.number,
    ),
  timeOf: (row) => Date.parse(String(row.submitted_at)),
  // A filter CallRail ignored must still hold.
  outputs: (rows, { companies }) =>
    uniqueById(rows.map(formSubmissionResource.normalize))
      .filter((submission) => !companies || companies.includes(submission.company_id ?? ''))
      .sort(byNewest),
};
