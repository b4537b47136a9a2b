import { defineCreate, type CreatePerform } from 'zapier-platform-core';

import { updateCall } from '../call/requests';
import { callResource, type CallOutput } from '../call/resource';
import { readCallUpdate, updateCallFields } from '../call/update';

/** One write; one read before it only when tags are removed. */
const perform = (async (z, bundle) => {
  const { callId, update } = readCallUpdate(z, bundle);
  return updateCall(z, bundle, callId, update);
}) satisfies CreatePerform<typeof updateCallFields, CallOutput>;

export default defineCreate({
  key: 'update_call',
  noun: 'Call',
  display: {
    label: 'Update Call',
    description:
      'Updates a call: adds or removes its tags, sets its note, lead status, customer name or value, or marks it as spam.',
  },
  operation: {
    inputFields: updateCallFields,
    perform,
    sample: callResource.sample,
    outputFields: callResource.outputFields,
  },
});
