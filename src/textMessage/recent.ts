import { uniqueById } from '../listPage';
import type { RecentItems } from '../recentItems';
import { conversationPage } from './requests';
import { conversationMessages, type TextMessageOutput } from './resource';

export interface TextQuery {
  companyId?: string | undefined;
  directions: readonly ('received' | 'sent')[];
}

/**
 * Every recent message of the recently active conversations, newest first, each one item in
 * the same shape the instant trigger gives a webhook body. A text is whole once it is listed,
 * so no conversation is held back (a later message is an item of its own).
 */
export const recentTexts: RecentItems<TextQuery, TextMessageOutput> = {
  what: 'text conversations',
  pageFrom: (z, bundle, { companyId }, { pageSize, before }) =>
    conversationPage(z, bundle, { company_id: companyId, end_date: before }, pageSize),
  timeOf: (conversation) => Date.parse(String(conversation.last_message_at)),
  outputs: (conversations, { companyId, directions }) => {
    const messages = conversations
      .filter((conversation) => !companyId || conversation.company_id === companyId)
      .flatMap(conversationMessages)
      .filter(
        (message) =>
          message.direction !== null &&
          directions.includes(message.direction as 'received' | 'sent'),
      );
    return uniqueById(
      messages.sort((a, b) => Date.parse(b.sent_at ?? '') - Date.parse(a.sent_at ?? '')),
    );
  },
};
