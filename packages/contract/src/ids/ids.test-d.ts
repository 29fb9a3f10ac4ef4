import { describe, expectTypeOf, it } from 'vitest';
import { createId } from './create-id';
import type { MessageId, TemplateId } from './id-prefixes';
import { parseId } from './is-id';

declare function getMessage(id: MessageId): void;

describe('branded ids', () => {
  it('keeps a template id out of a message parameter', () => {
    const templateId = createId('template');
    // @ts-expect-error a TemplateId is not a MessageId
    getMessage(templateId);
    // @ts-expect-error a plain string is not a MessageId either
    getMessage('msg_123');
    getMessage(createId('message'));
  });

  it('types created and parsed ids by kind or prefix', () => {
    expectTypeOf(createId('message')).toEqualTypeOf<MessageId>();
    expectTypeOf(createId('tpl')).toEqualTypeOf<TemplateId>();
    expectTypeOf(parseId('template', 'x')).toEqualTypeOf<TemplateId | undefined>();
  });

  it('still reads as a string', () => {
    expectTypeOf(createId('message')).toExtend<string>();
  });
});
