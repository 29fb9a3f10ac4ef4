import { TEMPLATE_VARIABLES } from '../notifications/default-templates';
import { renderTemplate } from '../notifications/render-template';

const EVERY_VARIABLE: Record<string, string> = Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, '']));

/**
 * The `{placeholders}` of a template that are not in TEMPLATE_VARIABLES, in order of first use.
 * Found with the renderer itself, so the editor and the sender agree on what a placeholder is.
 */
export function findUnknownVariables(body: string): string[] {
  return renderTemplate(body, EVERY_VARIABLE).missing;
}
