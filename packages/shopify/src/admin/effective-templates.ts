import { DEFAULT_TEMPLATES } from '../notifications/default-templates';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  TEMPLATE_LOCALES,
  type TemplateLocale,
  type TemplateRecord,
} from '../storage/shopify-store';

/** The text a notification would use now: the merchant's, else the default. */
export interface EffectiveTemplate {
  kind: NotificationKind;
  locale: TemplateLocale;
  body: string;
  isDefault: boolean;
  defaultBody: string;
  /** When the merchant last saved it (ISO 8601); null for a default. */
  updatedAt: string | null;
}

export function effectiveTemplate(
  saved: readonly TemplateRecord[],
  kind: NotificationKind,
  locale: TemplateLocale,
): EffectiveTemplate {
  const own = saved.find((t) => t.kind === kind && t.locale === locale);
  const defaultBody = DEFAULT_TEMPLATES[kind][locale];
  return {
    kind,
    locale,
    body: own?.body ?? defaultBody,
    isDefault: own === undefined,
    defaultBody,
    updatedAt: own ? new Date(own.updatedAt).toISOString() : null,
  };
}

/** Every kind × locale, in the order the page lists them. */
export function effectiveTemplates(saved: readonly TemplateRecord[]): EffectiveTemplate[] {
  return NOTIFICATION_KINDS.flatMap((kind) => TEMPLATE_LOCALES.map((locale) => effectiveTemplate(saved, kind, locale)));
}
