import { callFilterFields, readCallFilters } from '../call/filters';
import { recentCalls } from '../call/recent';
import { recordingFileExtension } from '../call/recording';
import { callResource } from '../call/resource';
import { pollingTrigger } from '../pollingTrigger';

export default pollingTrigger({
  key: 'new_call',
  noun: 'Call',
  display: {
    label: 'New Call',
    description:
      'Triggers when a new call is logged (checked every few minutes), with its tags, attribution and lead status.',
  },
  resource: callResource,
  inputFields: callFilterFields,
  read: readCallFilters,
  recent: recentCalls,
  extend: recordingFileExtension,
});
