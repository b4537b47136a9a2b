import { conversationResource } from '../../src/textMessage/conversation';
import { messagesOf, textMessageResource, webhookMessageRaw } from '../../src/textMessage/resource';
import { rawSampleConversation } from '../../src/textMessage/sample';
import { sentTextResource } from '../../src/textMessage/sentText';

const received = {
  id: 879204981,
  resource_id: 'SCI8154748ae6bd4e278a7cddd38a662f4f',
  source_number: '770-555-5555',
  destination_number: '404-555-8514',
  content: 'Can I come Friday?',
  message_type: 'sms',
  media_urls: [],
  timestamp: '2026-11-20T14:03:11.482-05:00',
  lead_status: null,
  conversation_id: 'crpLH',
  company_resource_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  person_resource_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
};
const sent = {
  resource_id: 'SCI0000748ae6bd4e278a7cddd38a662f4f',
  source_number: '+14045558514',
  destination_number: '***5555',
  content: 'See you Friday',
  message_type: 'mms',
  media_urls: ['https://mms.example/1.jpg'],
  timestamp: '2026-11-20T14:05:00.000-05:00',
  conversation_id: 'crpLH',
  company_resource_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  thread_resource_id: 'SMT8154748ae6bd4e278a7cddd38a662f4f',
  agent: { name: 'Dana Front Desk', email: 'dana@example.com' },
};

describe('one text-message shape', () => {
  it.each([
    [
      'a received webhook: the customer sent it, numbers formatted',
      textMessageResource.normalize(webhookMessageRaw(received, 'sms_received_webhook')),
      {
        id: 'SCI8154748ae6bd4e278a7cddd38a662f4f',
        direction: 'received',
        customer_phone_number: '770-555-5555',
        customer_phone_number_e164: '+17705555555',
        tracking_phone_number: '404-555-8514',
        tracking_phone_number_e164: '+14045558514',
        agent: null,
        company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
        sent_at: '2026-11-20T14:03:11.482-05:00',
      },
    ],
    [
      'a sent webhook without a numeric id: the customer received it, masked',
      textMessageResource.normalize(webhookMessageRaw(sent, 'sms_sent_webhook')),
      {
        id: 'SCI0000748ae6bd4e278a7cddd38a662f4f',
        direction: 'sent',
        customer_phone_number: '***5555',
        customer_phone_number_e164: null,
        tracking_phone_number_e164: '+14045558514',
        message_type: 'mms',
        media_urls: ['https://mms.example/1.jpg'],
        sms_thread_id: 'SMT8154748ae6bd4e278a7cddd38a662f4f',
        agent: 'Dana Front Desk',
      },
    ],
    [
      'a REST message, read with its conversation, id derived',
      textMessageResource.normalize(messagesOf(rawSampleConversation)[0] ?? {}),
      {
        id: 'k8mc8:2026-11-20T16:25:04.953-05:00:incoming',
        conversation_id: 'k8mc8',
        direction: 'received',
        customer_phone_number_e164: '+19527373312',
        tracking_phone_number: '+19525293750',
        customer_name: 'Dmitri Rakitin',
        message_type: 'mms',
        company_id: 'COM019c31a27f5b732b9d214e04eaa3061f',
        sms_thread_id: 'SMT019d69f77fb472829bfb403cc4104584',
        sent_at: '2026-11-20T16:25:04.953-05:00',
      },
    ],
  ])('%s', (_name, output, expected) => {
    expect(Object.keys(output)).toEqual(Object.keys(textMessageResource.sample));
    expect(output).toMatchObject(expected);
  });

  it('gives a conversation its messages in the same shape', () => {
    const conversation = conversationResource.normalize(rawSampleConversation);
    expect(conversation).toMatchObject({
      id: 'k8mc8',
      customer_phone_number_e164: '+19527373312',
      last_message_direction: 'received',
      message_count: 2,
    });
    expect(conversation.recent_messages.map((message) => Object.keys(message))).toEqual([
      Object.keys(textMessageResource.sample),
      Object.keys(textMessageResource.sample),
    ]);
  });

  it.each([
    ['a conversation', () => conversationResource.normalize(rawSampleConversation)],
    ['a sent text', () => sentTextResource.normalize(rawSampleConversation)],
  ])('normalises each message of %s once', (_name, normalize) => {
    const normalizeMessage = jest.spyOn(textMessageResource, 'normalize');
    try {
      normalize();
      expect(normalizeMessage).toHaveBeenCalledTimes(2);
    } finally {
      normalizeMessage.mockRestore();
    }
  });
});

describe('incomplete CallRail text data', () => {
  const bare = (messages: unknown) => ({ id: 'Q1', recent_messages: messages });

  it('reads a conversation without messages as empty, not as an error', () => {
    expect(conversationResource.normalize({ id: 'Q0' })).toMatchObject({
      id: 'Q0',
      message_count: 0,
      last_message: null,
      last_message_direction: null,
      recent_messages: [],
    });
  });

  it('gives a message without a time or a known direction no direction, and an id of what is known', () => {
    const [unknown, missing] = messagesOf(
      bare([{ direction: 'system', content: 'Opted out' }, { content: 'Hello' }]),
    ).map(textMessageResource.normalize);
    expect([unknown?.id, unknown?.direction]).toEqual(['Q1::system', null]);
    expect([missing?.id, missing?.direction, missing?.sent_at]).toEqual(['Q1::', null, null]);
  });

  it('writes the recent messages as text even when one has no time or direction', () => {
    const conversation = conversationResource.normalize(
      bare([
        { direction: 'incoming', content: 'Friday?', created_at: '2026-11-20T16:25:04.953-05:00' },
        { content: 'Hello' },
      ]),
    );
    expect(conversation.recent_messages_text).toBe(
      '2026-11-20T16:25:04.953-05:00 received: Friday?\n : Hello',
    );
  });

  it('derives an id even for a message of a conversation without an id', () => {
    const [message] = messagesOf({
      recent_messages: [{ direction: 'outgoing', created_at: '2026-11-20T16:02:41.118-05:00' }],
    });
    expect(textMessageResource.normalize(message ?? {}).id).toBe(
      ':2026-11-20T16:02:41.118-05:00:outgoing',
    );
  });

  it.each([
    ['a user object with only an email', { email: 'dana@example.com' }, 'dana@example.com'],
    ['a user object with neither name nor email', { id: 42 }, null],
    ['a plain name', 'Dana', 'Dana'],
  ])('names the agent of a sent text from %s', (_name, agent, expected) => {
    const output = textMessageResource.normalize(
      webhookMessageRaw({ resource_id: 'SCI1', agent }, 'sms_sent_webhook'),
    );
    expect(output.agent).toBe(expected);
  });
});
