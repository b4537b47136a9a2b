import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { readOptionalCompany } from '../fields';
import { listTags } from '../tag/requests';

/** The account's tags (of one company and account-wide, when a company is chosen). */
const perform = (async (z, bundle) => {
  const companyId = readOptionalCompany(z, bundle);
  const tags = await listTags(z, bundle, { companyId, page: bundle.meta.page ?? 0 });
  return tags.map((tag) => ({ id: tag.id, name: tag.name ?? tag.id }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'tag_list',
  noun: 'Tag',
  display: { label: 'List Tags', description: 'Lists tags for dropdowns.', hidden: true },
  operation: { type: 'polling', canPaginate: true, perform },
});
