import { fact } from './fact';

/**
 * What the app reads from CallRail's answers without a constant of its own: list envelopes,
 * pagination, `fields=`, filters and search, the Webhooks integration. Each is a fact
 * `npm run smoke` checks; its tag says how sure we were before anyone did.
 */
export const BEHAVIOUR_FACTS = {
  account_list: fact(
    'DOC',
    'GET /v3/a.json lists the accounts the key can see, numeric_id included when asked for',
    'the connection test and its "wrong account" message (src/authentication.ts)',
  ),
  list_envelopes: fact(
    'DOC*',
    'each list answers its items under the plural resource key; text-messages.json under conversations',
    'every trigger, search and dropdown (itemsOf in src/client.ts)',
  ),
  offset_pagination: fact(
    'DOC*',
    'offset lists answer page, per_page and total_records as numbers; total_pages may be absent',
    'the next page of every list but calls (offsetListPage in src/polling.ts)',
  ),
  relative_pagination: fact(
    'DOC',
    'calls.json with relative_pagination=true answers has_next_page and next_page, a URL under the API base',
    'New Call reading a burst page by page (src/call/requests.ts)',
  ),
  call_fields: fact(
    'CODE',
    'calls.json returns every field named in fields=, with the type the call table expects',
    'every call output: New Call, Find Call, Update Call (src/call/resource.ts)',
  ),
  company_fields: fact(
    'DOC',
    "companies.json's default payload holds every field the company table reads",
    'Find Company and the company dropdown (src/company/resource.ts)',
  ),
  tracker_fields: fact(
    'LIVE',
    "trackers.json's default payload holds every field the tracker table reads",
    'Find Tracker and the tracker dropdowns (src/tracker/resource.ts)',
  ),
  user_fields: fact(
    'DOC*',
    "users.json's default payload holds every field the user table reads",
    'Find User and the user dropdown (src/user/resource.ts)',
  ),
  tag_fields: fact(
    'LIVE',
    "tags.json's default payload holds every field the tag table reads",
    'Find Tag and the tag dropdown (src/tag/resource.ts)',
  ),
  form_submission_fields: fact(
    'CODE',
    "form_submissions.json's default payload holds every field the form submission table reads",
    'New Form Submission, Find Form Submission (src/formSubmission/resource.ts)',
  ),
  conversation_fields: fact(
    'DOC',
    "text-messages.json's default payload holds every field the conversation table reads",
    'New Text Message, Find Text Conversation (src/textMessage/conversation.ts)',
  ),
  calls_company_filter: fact(
    'CODE',
    'calls.json honours company_id',
    'call triggers and Find Call with a company (the app re-checks each call too)',
  ),
  calls_direction_filter: fact(
    'DOC*',
    'calls.json honours direction=inbound|outbound',
    'call triggers with a direction (the app re-checks each call too)',
  ),
  list_date_filters: fact(
    'DOC*',
    'calls.json honours start_date and end_date, end_date also as a full ISO time with offset',
    'Find Call dates and polls that resume before the oldest call read (end_date)',
  ),
  company_search: fact(
    'DOC*',
    "companies.json's search finds a company by its name",
    'Find Company (src/company/requests.ts)',
  ),
  tracker_search: fact(
    'INF',
    "trackers.json's search finds a tracker by the 10 digits of its tracking number",
    'Find Tracker by number (src/tracker/requests.ts)',
  ),
  user_search: fact(
    'DOC*',
    "users.json's search finds a user by email",
    'Find User (src/user/requests.ts)',
  ),
  tag_search: fact('INF', "tags.json's search finds a tag by name", 'Find Tag, Find or Create Tag'),
  call_search: fact(
    'DOC*',
    "calls.json's search finds a call by the customer's 10 digits",
    'Find Call by phone number (src/call/requests.ts)',
  ),
  conversation_search: fact(
    'DOC*',
    "text-messages.json's search finds a conversation by the customer's 10 digits",
    'Find Text Conversation (src/textMessage/requests.ts)',
  ),
  integrations_need_company: fact(
    'LIVE',
    'integrations.json answers 400 without company_id',
    'instant triggers ask with the company (src/webhookIntegration.ts)',
  ),
  integration_shape: fact(
    'CODE',
    'an integration has a numeric id, a type, state active or disabled, and a config object',
    'merge-safe subscribe and unsubscribe (src/webhookIntegration.ts)',
  ),
  signing_key_on_request: fact(
    'CODE',
    'an integration carries the signing_key when asked with fields=signing_key (list and get)',
    'the Signature check of every instant trigger (src/hookTrigger.ts)',
  ),
  webhook_legacy_query: fact(
    'DOC',
    "CallRail mirrors legacy attributes into a webhook URL's query string",
    'instant triggers read the event tag alone from the query string (src/hookTrigger.ts)',
  ),
  received_text_without_agent: fact(
    'INF',
    "a received text's webhook body never carries agent",
    'text instant triggers telling received from sent by the body (src/hookTrigger.ts)',
  ),
  call_update_body: fact(
    'DOC*',
    'PUT calls/{id}.json takes tags (append_tags), note ("" clears), value, lead_status, customer_name, spam',
    'Update Call (src/call/requests.ts)',
  ),
  form_submission_update_body: fact(
    'DOC*',
    'PUT form_submissions/{id}.json takes tags (append_tags), note, value and lead_status',
    'Update Form Submission (src/formSubmission/requests.ts)',
  ),
  webhook_url_roundtrip: fact(
    'CODE',
    'a URL added to the Webhooks config by PUT is read back, and is gone once removed',
    'subscribe and unsubscribe of every instant trigger (src/webhookIntegration.ts)',
  ),
  tag_create_delete: fact(
    'DOC*',
    'POST tags.json creates a tag (company-level with company_id); DELETE tags/{id}.json removes it',
    'Create Tag, Find or Create Tag (src/tag/requests.ts)',
  ),
  text_send: fact(
    'DOC*',
    'POST text-messages.json sends a text from a tracking number and answers the conversation',
    'Send SMS (src/textMessage/requests.ts)',
  ),
} as const;
