import type { Handler } from '../http';
import { ApiError, bodyObject, NOT_FOUND, ok, requireString } from '../http';
import { resourceId } from '../ids';
import { offsetPage } from '../pagination';
import { digitsOf, normalizeUsCaNumber } from '../phone';
import { conversationView } from '../serializers';
import { isoInZone } from '../time';
import type { TextMessageRecord } from '../types';

/** [DOC*] CallRail caps a text at 140 characters. */
export const MAX_TEXT_LENGTH = 140;

/**
 * What a "character" is, which CallRail does not document: the same reading as the app's
 * `SMS_LENGTH_UNIT` in src/callrailFacts.ts (written again here because the sandbox never imports
 * app code; test/sandbox/textLength.test.ts proves the two agree). UTF-16 code units: an emoji
 * counts 2.
 */
export const TEXT_LENGTH_UNIT: 'utf16' | 'code_point' = 'utf16';
export const textLength = (text: string): number =>
  TEXT_LENGTH_UNIT === 'utf16' ? text.length : [...text].length;

/** GET text-messages.json: conversations, most recent first; `company_id`, `search` (name or number). */
export const listConversations: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  const search = ctx.query.get('search')?.trim().toLowerCase();
  const searchDigits = search ? digitsOf(search) : '';
  const conversations = ctx.store.conversations
    .filter((c) => c.account_id === ctx.account.id)
    .filter((c) => !companyId || c.company_id === companyId)
    .filter(
      (c) =>
        !search ||
        (c.customer_name ?? '').toLowerCase().includes(search) ||
        (searchDigits !== '' && digitsOf(c.customer_phone_number).includes(searchDigits)),
    )
    .sort((a, b) => Date.parse(b.last_message_at) - Date.parse(a.last_message_at));
  return offsetPage(ctx, conversations, 'conversations', (c) => conversationView(c, ctx.store));
};

export const getConversation: Handler = (ctx, [, id]) => {
  const conversation = ctx.store.conversation(ctx.account.id, id ?? '');
  if (!conversation) throw new ApiError(404, NOT_FOUND);
  return ok(conversationView(conversation, ctx.store));
};

const unprocessable = (message: string): ApiError => new ApiError(422, message);

/**
 * POST text-messages.json. Validates like CallRail, then answers 200 (what live sends return,
 * not the documented 201) with the whole conversation, the new message first.
 */
export const sendText: Handler = (ctx) => {
  const body = bodyObject(ctx);
  const companyId = requireString(body, 'company_id');
  const trackingRaw = requireString(body, 'tracking_number');
  const customerRaw = requireString(body, 'customer_phone_number');
  const media = body.media_url;
  const mediaUrl = media === undefined || media === null || media === '' ? null : media;
  // MMS (`media_url`) may go without text; a plain text needs content.
  const content = mediaUrl !== null && !body.content ? '' : requireString(body, 'content');

  if (textLength(content) > MAX_TEXT_LENGTH) {
    throw unprocessable(`Content is too long (maximum is ${MAX_TEXT_LENGTH} characters)`);
  }
  if (mediaUrl !== null && (typeof mediaUrl !== 'string' || !/^https?:\/\/\S+$/.test(mediaUrl))) {
    throw unprocessable('Media url must be a publicly accessible http(s) URL');
  }
  const company = ctx.store.companyIn(ctx.account.id, companyId);
  if (!company || company.status !== 'active')
    throw unprocessable('Company not found or not active');
  const trackingNumber = normalizeUsCaNumber(trackingRaw) ?? '';
  const tracker = ctx.store
    .smsTrackersOf(company.id)
    .find((t) => t.tracking_numbers.includes(trackingNumber));
  if (!tracker) {
    throw unprocessable(
      'Tracking number is not an active, SMS-enabled tracking number of this company',
    );
  }
  const customerNumber = normalizeUsCaNumber(customerRaw);
  if (!customerNumber) {
    throw unprocessable('Customer phone number must be a valid US or Canadian phone number');
  }

  const createdAt = isoInZone(ctx.now(), company.time_zone);
  // A customer who called before keeps the name CallRail learned from caller ID.
  const knownCaller = ctx.store.calls
    .filter((c) => c.company_id === company.id && c.customer_phone_number === customerNumber)
    .at(-1);
  const conversation = ctx.store.conversationWith(
    company,
    tracker,
    trackingNumber,
    customerNumber,
    knownCaller?.customer_name ?? null,
    createdAt,
  );
  const legacyId = ctx.store.nextTextId();
  const message: TextMessageRecord = {
    legacy_id: legacyId,
    resource_id: resourceId('SCI', `text:${legacyId}`),
    direction: 'outgoing',
    content,
    created_at: createdAt,
    type: typeof mediaUrl === 'string' ? 'mms' : 'sms',
    media_urls: typeof mediaUrl === 'string' ? [mediaUrl] : [],
  };
  conversation.recent_messages.unshift(message);
  conversation.last_message_at = createdAt;
  ctx.afterResponse(() => ctx.webhooks.textEvent(conversation, message, 'sms_sent_webhook'));
  return ok(conversationView(conversation, ctx.store));
};
