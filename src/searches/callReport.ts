import { callReportInputFields, callReportInputs, reportQueryOf } from '../callReport/inputs';
import { callReport } from '../callReport/report';
import { callReportOutputFields, callReportResource } from '../callReport/resource';
import { searchOperation } from '../searchOperation';

export default searchOperation({
  key: 'call_report',
  noun: 'Call Report',
  display: {
    label: 'Call Report',
    description:
      'Finds the call counts of a period (yesterday, last week, last month, …) by source, campaign, company or day, with a ready-to-post table, for reports on a schedule.',
  },
  inputFields: callReportInputFields,
  inputs: callReportInputs,
  resource: { sample: callReportResource.sample, outputFields: callReportOutputFields },
  perform: async (z, bundle, input) => [await callReport(z, bundle, reportQueryOf(z, input))],
});
