import { Budget } from '../limits';
import { linkedinCards } from '../linkedin-cards';
import { siteOf } from '../site-list';
import type { Extractor } from '../types';

/** LinkedIn's pages that list people (a company's People tab is linkedin-company's, a profile's sidebar linkedin-profile's). */
const LISTS =
  /^\/(?:search\/results\/(?:people|all)|mynetwork\/|feed\/followers|messaging\/|sales\/(?:search\/people|lists\/people|lead|people|inbox)|groups\/[^/]+\/members|events\/[^/]+\/attendees)/;

/**
 * Every LinkedIn page but a profile or a company page (those have their own adapters). List pages: people search results, My Network (connections, invitations, suggestions), followers and
 * following, Sales Navigator lead lists and searches, a group's members, the open messaging thread's correspondent.
 * Each card is one candidate: name, job title and company from the headline, profile URL, location. Cards are
 * found by structure (lib/extract/linkedin-cards.ts). The feed and every other LinkedIn page give no one: its
 * posts, commenters and reactions are not a list the rep chose. The generic sources never run on LinkedIn (but on
 * profiles, as a fallback): a headline such as "CTO @ Example.io" must not become an address.
 */
export const linkedinPeople: Extractor = {
  id: 'linkedin-people',
  site: 'linkedin',
  priority: 205,
  generic: 'never',
  matches: (url) => siteOf(url) === 'linkedin' && !/^\/(?:in|company)\//.test(url.pathname),
  extract(doc, url, budget = new Budget()) {
    if (!LISTS.test(url.pathname)) return [];
    const root = doc.querySelector('main') ?? doc.body;
    if (!root) return [];
    const people = linkedinCards(root, url, budget, { source: 'linkedin-people', confidence: 0.85 });
    // A messaging thread: its correspondent heads the thread; the messages below link to their senders, the rep
    // among them, and the conversation list beside it links to threads, not profiles.
    return url.pathname.startsWith('/messaging/') ? people.slice(0, 1) : people;
  },
};
