/**
 * The shapes CallRail answers with that no field table describes (no operation outputs them), as
 * far as this app reads them (see callrailFacts.ts). A resource with a field table has no type here.
 */

export type Page = {
  page: number;
  per_page: number;
  total_pages?: number;
  total_records?: number;
};

export type Account = {
  id: string;
  name: string;
  numeric_id?: number;
};

export type Integration = {
  id: number;
  type: string;
  state?: 'active' | 'disabled';
  company_id?: string;
  config: Record<string, unknown>;
  signing_key?: string;
};

/** An outbound caller ID: a number verified by a call, which outbound calls may show. */
export type CallerId = {
  id: number | string;
  name?: string | null;
  phone_number: string;
  verified?: boolean;
};
