import { updateCall } from '../call/requests';
import { callResource } from '../call/resource';
import { callUpdateOf, updateCallFields, updateCallInputs } from '../call/update';
import { createOperation } from '../createOperation';

export default createOperation({
  key: 'update_call',
  noun: 'Call',
  display: {
    label: 'Update Call',
    description:
      'Updates a call: adds or removes its tags, sets its note, lead status, customer name or value, or marks it as spam.',
  },
  inputFields: updateCallFields,
  inputs: updateCallInputs,
  resource: callResource,
  // One write; one read before it only when tags are removed.
  perform: (z, bundle, input) => updateCall(z, bundle, input.call_id, callUpdateOf(z, input)),
});
