import type { NotificationKind, TemplateLocale } from '../storage/shopify-store';

/**
 * The texts a merchant starts from, per notification and language. Uzbek is in Latin script with
 * the official ʻ (U+02BB) in oʻ/gʻ; the SDK's smart encoding maps it onto GSM-7 when the merchant
 * asks for it, so a default Uzbek text costs no more than English.
 */
export const DEFAULT_TEMPLATES: Record<NotificationKind, Record<TemplateLocale, string>> = {
  order_confirmation: {
    en: 'Hi {first_name}, thank you for your order {order_name} at {shop_name}. Total: {total}.',
    ru: '{first_name}, спасибо за заказ {order_name} в {shop_name}. Сумма: {total}.',
    uz: '{first_name}, {shop_name} doʻkonidagi {order_name} buyurtmangiz uchun rahmat. Jami: {total}.',
  },
  shipping: {
    en: 'Good news {first_name}: your order {order_name} from {shop_name} is on its way. Track it: {tracking_url}',
    ru: '{first_name}, ваш заказ {order_name} из {shop_name} отправлен. Отследить: {tracking_url}',
    uz: '{first_name}, {shop_name} doʻkonidan {order_name} buyurtmangiz joʻnatildi. Kuzatish: {tracking_url}',
  },
  abandoned_checkout: {
    en: 'Hi {first_name}, you left something in your cart at {shop_name}. Finish your order: {checkout_url}',
    ru: '{first_name}, в вашей корзине в {shop_name} остались товары. Завершить заказ: {checkout_url}',
    uz: '{first_name}, {shop_name} doʻkonidagi savatingizda mahsulotlar qoldi. Buyurtmani yakunlang: {checkout_url}',
  },
  cancellation: {
    en: 'Hi {first_name}, your order {order_name} at {shop_name} has been cancelled.',
    ru: '{first_name}, ваш заказ {order_name} в {shop_name} отменён.',
    uz: '{first_name}, {shop_name} doʻkonidagi {order_name} buyurtmangiz bekor qilindi.',
  },
};

/** The variables a template may use; the admin page lists them beside the editor. */
export const TEMPLATE_VARIABLES = [
  'first_name',
  'last_name',
  'order_name',
  'total',
  'shop_name',
  'tracking_url',
  'tracking_number',
  'carrier',
  'checkout_url',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
