import { chosenCompany, dropdownTrigger } from '../dropdownTrigger';
import { listTags } from '../tag/requests';

/** The account's tags (of one company and account-wide, when a company is chosen). */
export default dropdownTrigger({
  key: 'tag_list',
  noun: 'Tag',
  label: 'List Tags',
  description: 'Lists tags for dropdowns.',
  read: chosenCompany,
  list: (z, bundle, { companyId }, page) => listTags(z, bundle, { companyId, page: page.number }),
  choice: (tag) => ({ id: tag.id, name: tag.name ?? tag.id }),
});
