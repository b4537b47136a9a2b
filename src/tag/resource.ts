import { defineResource, type Output } from '../fieldTable';

/**
 * A CallRail tag. Its id is a number in CallRail (7886733) and a string here, as Zapier wants
 * ids; an account-level tag has no company.
 */
export const tagResource = defineResource({
  noun: 'Tag',
  fields: {
    id: { label: 'Tag ID', primary: true },
    name: { label: 'Name' },
    tag_level: { label: 'Level (Account or Company)' },
    color: { label: 'Color' },
    background_color: { label: 'Background Color' },
    company_id: { label: 'Company ID' },
    status: { label: 'Status' },
    created_at: { label: 'Created At', type: 'datetime' },
  },
  rawSample: {
    id: 7886733,
    name: 'Water Heater Quote',
    tag_level: 'company',
    color: 'blue1',
    background_color: 'blue1',
    company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
    status: 'enabled',
    created_at: '2026-11-20T11:27:48.119-07:00',
  },
});

export type TagOutput = Output<typeof tagResource.fields>;
