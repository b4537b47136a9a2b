/** The shapes CallRail answers with, as far as this app reads them (see callrailFacts.ts). */

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

export type Company = {
  id: string;
  name: string;
  status: 'active' | 'disabled';
  time_zone?: string;
};

export type Tracker = {
  id: string;
  name: string;
  type: string;
  status: 'active' | 'disabled';
  tracking_numbers: string[];
  sms_supported?: boolean;
  sms_enabled?: boolean;
  company?: { id: string; name: string };
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
