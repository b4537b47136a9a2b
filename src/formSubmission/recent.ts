import { uniqueById } from '../listPage';
import type { RecentItems } from '../recentItems';
import { byNewest, listPage } from './requests';
import { formSubmissionResource, type FormSubmissionOutput } from './resource';

/**
 * Newest submissions first, one page or, for a burst, as many as are new. A submission is
 * recorded whole when the visitor sends the form: never half-done, so none is held back.
 */
export const recentFormSubmissions: RecentItems<{ companyId?: string }, FormSubmissionOutput> = {
  what: 'form submissions',
  pageFrom: (z, bundle, { companyId }, { pageSize, before, page }) =>
    listPage(z, bundle, { company_id: companyId, end_date: before }, pageSize, page?.number),
  timeOf: (row) => Date.parse(String(row.submitted_at)),
  // A filter CallRail ignored must still hold.
  outputs: (rows, { companyId }) =>
    uniqueById(rows.map(formSubmissionResource.normalize))
      .filter((submission) => !companyId || submission.company_id === companyId)
      .sort(byNewest),
};
