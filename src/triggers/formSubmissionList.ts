import { dropdownTrigger } from '../dropdownTrigger';
import { readChosenCompanies } from '../fields';
import { recentFormSubmissions } from '../formSubmission/recent';
import { POLL_PAGE_SIZE } from '../polling';
import { fetchRecent } from '../recentItems';

/** Recent form submissions for dropdowns, named by customer and time. */
export default dropdownTrigger({
  key: 'form_submission_list',
  noun: 'Form Submission',
  label: 'List Form Submissions',
  description: 'Lists recent form submissions for dropdowns.',
  read: (z, bundle) => ({ companies: readChosenCompanies(z, bundle) }),
  list: (z, bundle, query, page) =>
    fetchRecent(z, bundle, recentFormSubmissions, query, {
      pageSize: POLL_PAGE_SIZE,
      followBursts: false,
      page,
    }),
  choice: (submission) => ({
    id: submission.id,
    name: [
      submission.customer_name ?? submission.customer_email ?? 'Unknown visitor',
      submission.submitted_at,
    ]
      .filter(Boolean)
      .join(' · '),
  }),
});
