import type { PageLanguage } from './page-language';

/**
 * The words of the opt-out pages. `{account}` and `{number}` are replaced with
 * escaped values by link-page.ts; nothing else here is interpolated.
 */
export interface PageTexts {
  /** Window title of every page. */
  title: string;
  confirmHeading: string;
  confirmBody: string;
  confirmButton: string;
  doneHeading: string;
  doneBody: string;
  notFoundHeading: string;
  notFoundBody: string;
}

export const PAGE_TEXTS: Readonly<Record<PageLanguage, PageTexts>> = {
  uz: {
    title: 'Obunani bekor qilish',
    confirmHeading: '{account} xabarlarini olishni toʻxtatmoqchimisiz?',
    confirmBody:
      '{number} raqamiga reklama xabarlari boshqa yuborilmaydi. Oʻzingiz soʻragan xabarlar (kodlar, cheklar) kelishda davom etadi.',
    confirmButton: 'Xabarlarni toʻxtatish',
    doneHeading: 'Endi {account} reklama xabarlari sizga yuborilmaydi',
    doneBody: '{number} raqami reklama roʻyxatidan chiqarildi. Bu sahifani yopishingiz mumkin.',
    notFoundHeading: 'Havola yaroqsiz',
    notFoundBody: 'Xabardagi havolani tekshiring: u toʻliq nusxalanmagan boʻlishi mumkin.',
  },
  ru: {
    title: 'Отписка от рассылки',
    confirmHeading: 'Хотите перестать получать сообщения от {account}?',
    confirmBody:
      'Рекламные сообщения на номер {number} больше не будут приходить. Сообщения, которые вы запрашивали сами (коды, чеки), продолжат приходить.',
    confirmButton: 'Отписаться',
    doneHeading: 'Вы больше не будете получать рекламные сообщения от {account}',
    doneBody: 'Номер {number} отписан от рассылки. Эту страницу можно закрыть.',
    notFoundHeading: 'Ссылка недействительна',
    notFoundBody: 'Проверьте ссылку в сообщении: возможно, она скопирована не полностью.',
  },
  en: {
    title: 'Unsubscribe',
    confirmHeading: 'Do you want to stop messages from {account}?',
    confirmBody:
      'Marketing messages to {number} will stop. Messages you asked for yourself (codes, receipts) still arrive.',
    confirmButton: 'Stop messages',
    doneHeading: 'You will no longer receive marketing messages from {account}',
    doneBody: 'The number {number} is unsubscribed. You can close this page.',
    notFoundHeading: 'This link is not valid',
    notFoundBody: 'Check the link in the message: it may not have been copied in full.',
  },
};
