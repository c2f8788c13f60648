import type { BantWeights } from '../model';
import { scoreBant } from '../pipeline/bant';
import type { FirstScreenWire } from './first-screen';

/**
 * What the popup shows at a glance: the person on the page, their deal's stage and its BANT score. The background
 * draws it into the popup's HTML (lib/background/popup-shell.ts), so the rep sees it before the popup's code has
 * loaded; the popup's own first screen replaces it when it renders.
 */
export interface Glance {
  name: string;
  role: string;
  stage: string;
  score: number;
}

/**
 * The glance of a first screen, or null when the popup's first screen would show something else or more than one
 * answer: only one person on the page, known by an email, a LinkedIn profile or a phone (a name alone asks the rep
 * whether it is the same person), with an open deal (the one the popup shows first, the list being in the popup's
 * order) at a stage that exists. The score is the one the popup writes: scoreBant on the stored parts (stored
 * suggestions included), with the rep's weights.
 */
export function glanceOf(first: FirstScreenWire, weights: BantWeights): Glance | null {
  if (first.people.length !== 1) return null;
  const person = first.people[0];
  const view = first.view;
  if (!person?.contact || !view || view.contact.id !== person.contact.id) return null;
  if (person.match === null || person.match === 'name') return null;
  const deal = view.deals.find((d) => d.outcome === null);
  const stage = deal && first.stages.find((s) => s.id === deal.stageId);
  if (!deal || !stage) return null;
  const { contact } = view;
  const name = contact.name || contact.emails[0];
  if (!name) return null;
  return {
    name,
    role: [contact.jobTitle, contact.company].filter(Boolean).join(' · '),
    stage: stage.name,
    score: scoreBant(deal.bant, weights),
  };
}

/** Text for HTML: page text and stored names are never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The glance as markup, in the popup's own classes (its header, stage and score), without a `style` attribute
 * (the pages' CSP allows none). `data-glance` tells the popup that what it shows was drawn before its code ran.
 */
export function glanceHtml(glance: Glance, words: { bant: string }): string {
  const role = glance.role ? `<p class="muted role">${escapeHtml(glance.role)}</p>` : '';
  return (
    `<main data-glance aria-busy="true"><section class="contact"><header class="contact-head">` +
    `<h1>${escapeHtml(glance.name)}</h1>${role}</header>` +
    `<p class="stage-name"><strong data-glance-stage>${escapeHtml(glance.stage)}</strong></p>` +
    `<p class="bant-score"><span class="muted">${escapeHtml(words.bant)} </span>` +
    `<strong data-glance-score>${glance.score}</strong><span class="muted">/100</span></p>` +
    `</section></main>`
  );
}
