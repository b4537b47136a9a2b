import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { readOptionalCompany } from '../fields';
import { fetchRecentFormSubmissions } from '../formSubmission/requests';
import { POLL_PAGE_SIZE } from '../polling';

/** Recent form submissions for dropdowns, named by customer and time. */
const perform = (async (z, bundle) => {
  const submissions = await fetchRecentFormSubmissions(z, bundle, {
    companyId: readOptionalCompany(z, bundle),
    pageSize: POLL_PAGE_SIZE,
    followBursts: false,
    page: (bundle.meta.page ?? 0) + 1,
  });
  return submissions.map((submission) => ({
    id: submission.id,
    name: [
      submission.customer_name ?? submission.customer_email ?? 'Unknown visitor',
      submission.submitted_at,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'form_submission_list',
  noun: 'Form Submission',
  display: {
    label: 'List Form Submissions',
    description: 'Lists recent form submissions for dropdowns.',
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
