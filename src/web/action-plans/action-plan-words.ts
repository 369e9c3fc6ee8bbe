import type { ActionPlanStatus, ActionStatus, OrganisationRef } from '../../core/action-plans/action-plan.schema.js';
import { organisationName } from '../../core/programmes/organisation.schema.js';
import { domainLabel, needLabel } from '../training/catalogue.api.js';

/** Words and colours of action plans shared by their pages. */

export const planStatusColors: Record<ActionPlanStatus, string> = { draft: 'yellow', agreed: 'green' };

export const actionStatusColors: Record<ActionStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'teal', blocked: 'red', cancelled: 'dark' };

export function cooperativeLabel(row: { nameFr: string | null; nameAr: string | null }, language: string): string {
  return (language === 'ar' ? row.nameAr || row.nameFr : row.nameFr || row.nameAr) ?? '';
}

/** A need as the plan names it: "finance" (the domain) or "finance.fin_bookkeeping" (a question). */
export function needKeyLabel(key: string, language: string): string {
  const [domain, question] = key.split('.');
  return question ? needLabel(question, language) : domainLabel(domain ?? key, language);
}

export function organisationLabel(organisation: OrganisationRef, language: string): string {
  const name = organisationName(organisation, language);
  return organisation.acronym && !name.includes(organisation.acronym) ? `${name} (${organisation.acronym})` : name;
}
