import { defineSearch, type SearchPerform } from 'zapier-platform-core';

import { callReportInputFields, readCallReportQuery } from '../callReport/inputs';
import { callReport } from '../callReport/report';
import {
  callReportOutputFields,
  callReportResource,
  type CallReport,
} from '../callReport/resource';

const inputFields = [...callReportInputFields];

const perform = (async (z, bundle) => [
  await callReport(z, bundle, readCallReportQuery(z, bundle)),
]) satisfies SearchPerform<typeof inputFields, CallReport>;

export default defineSearch({
  key: 'call_report',
  noun: 'Call Report',
  display: {
    label: 'Call Report',
    description:
      'Counts calls for a period (yesterday, last week, last month, …) by source, campaign, company or day, with a ready-to-post table; use it on a schedule.',
  },
  operation: {
    inputFields,
    perform,
    sample: callReportResource.sample,
    outputFields: callReportOutputFields,
  },
});
