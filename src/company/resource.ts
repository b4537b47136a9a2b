import { defineResource, type Output } from '../fieldTable';

/**
 * A company as `companies.json` and `companies/{id}.json` return it. Since 2025-04-28 the id is
 * the masked `COM…` id (callrailFacts.ts); everything here is in the default payload.
 */
export const companyResource = defineResource({
  noun: 'Company',
  // CallRail's documented example, with `form_capture` (listed among the fields, absent there).
  rawSample: {
    id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
    name: 'Widget Shop',
    status: 'active',
    time_zone: 'America/New_York',
    created_at: '2017-01-26T22:58:04.184Z',
    disabled_at: null,
    dni_active: null,
    script_url: '//cdn.callrail.com/companies/279054151/a74c824140d67442debd/12/swap.js',
    callscribe_enabled: false,
    lead_scoring_enabled: false,
    swap_exclude_jquery: null,
    swap_ppc_override: null,
    swap_landing_override: null,
    swap_cookie_duration: 365,
    callscore_enabled: false,
    keyword_spotting_enabled: false,
    form_capture: true,
  },
  fields: {
    id: { label: 'Company ID', primary: true },
    name: { label: 'Company Name' },
    status: { label: 'Status' },
    time_zone: { label: 'Time Zone' },
    created_at: { label: 'Created At', type: 'datetime' },
    disabled_at: { label: 'Disabled At', type: 'datetime' },
    script_url: { label: 'Swap Script URL' },
    callscore_enabled: { label: 'CallScore Enabled', type: 'boolean' },
    callscribe_enabled: { label: 'CallScribe Enabled', type: 'boolean' },
    lead_scoring_enabled: { label: 'Lead Scoring Enabled', type: 'boolean' },
    form_capture: { label: 'Form Capture Enabled', type: 'boolean' },
    swap_cookie_duration: { label: 'Swap Cookie Duration', type: 'integer' },
  },
});

export type CompanyOutput = Output<typeof companyResource.fields>;
