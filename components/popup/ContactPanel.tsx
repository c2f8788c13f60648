import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import type { Candidate, Contact, PageCapture, Stage } from '@/lib/model';
import type { ContactView } from '@/lib/popup/contact-view';
import type { PopupSettings } from '@/lib/popup/quick-settings';
import type { MatchKind } from '@/lib/popup/rank-people';
import { sendLazy } from '@/lib/popup/send-lazy';
import { contactViewRead } from '@/lib/read/popup';
import { useLiveQuery } from '../use-live-query';
import { DealPanel, EditForm } from './DealPanel';
import { Folded } from './Folded';
import { focusTaken } from './focus';
import { Shown } from './Shown';
import { UpdateOffer } from './UpdateOffer';
import { useTeamUser } from './use-team-user';

/** The options page's view of one contact (built by the options page: #contacts?id=…). */
export function contactPageUrl(contactId: string): string {
  return browser.runtime.getURL(`/options.html#contacts?id=${encodeURIComponent(contactId)}`);
}

export interface ContactPanelProps {
  contactId: string;
  match: MatchKind | null;
  stages: readonly Stage[];
  stageMap: ReadonlyMap<string, Stage>;
  settings: PopupSettings;
  now: number;
  /** The contact as the first screen read it: shown at once, then kept live. */
  initialView?: ContactView;
  /** Called once the contact's stage and BANT are on screen. */
  onShown: () => void;
  /** A name-and-company match: the rep confirms it ("Same person") or saves the page's person apart. */
  weakMatch?: { onDifferent: () => Promise<void> };
  /** The person as this page shows them: what it adds to the contact is offered as an update. */
  page?: { candidate: Candidate; capture: Pick<PageCapture, 'url' | 'site'> };
}

/** A known contact: who they are, each of their deals (open ones first), and what to do next. */
export function ContactPanel({
  contactId,
  match,
  stages,
  stageMap,
  settings,
  now,
  initialView,
  onShown,
  weakMatch,
  page,
}: ContactPanelProps) {
  const view = useLiveQuery(contactViewRead(contactId), [contactId], initialView);
  // A name-and-company match is only updated from the page once the rep says it is the same person.
  const [same, setSame] = useState(false);
  const me = useTeamUser();
  if (view === undefined) return <p class="muted">{t('popup_loading')}</p>;
  if (view === null)
    return (
      <p class="muted" role="status">
        <Shown onShown={onShown} />
        {t('popup_contactGone')}
      </p>
    );
  const open = view.deals.filter((d) => d.outcome === null);
  const closed = view.deals.filter((d) => d.outcome !== null);
  const panel = (deal: ContactView['deals'][number], main: boolean) => (
    <DealPanel
      key={deal.id}
      deal={deal}
      contact={view.contact}
      view={view}
      stages={stages}
      stageMap={stageMap}
      settings={settings}
      now={now}
      main={main}
    />
  );
  return (
    <section class="contact" data-testid="contact" aria-labelledby="contact-name">
      <Shown onShown={onShown} />
      <ContactHeader
        contact={view.contact}
        match={match}
        weakMatch={weakMatch}
        same={same}
        onSame={() => setSame(true)}
      />
      {page && (match !== 'name' || same) && (
        <UpdateOffer contact={view.contact} candidate={page.candidate} capture={page.capture} />
      )}
      {teammateLine(open[0] ?? view.deals[0], me, stageMap)}
      {open.length === 0 && (
        <NoOpenDeal contact={view.contact} lead={view.deals.length === 0} main={view.deals.length === 0} />
      )}
      {open.map((deal, i) => panel(deal, i === 0))}
      {open.length > 0 && closed.length > 0 ? (
        <Folded class="closed-deals" testId="closed-deals" summary={t('popup_closedDeals', closed.length)}>
          {() => closed.map((deal) => panel(deal, false))}
        </Folded>
      ) : (
        closed.map((deal, i) => panel(deal, open.length === 0 && i === 0))
      )}
    </section>
  );
}

/**
 * "Sari's contact — Proposal": a teammate already works this person, so the rep sees whose they are before
 * doing anything (the capture merged into the team's contact rather than making a second one).
 */
function teammateLine(
  deal: ContactView['deals'][number] | undefined,
  me: string,
  stageMap: ReadonlyMap<string, Stage>,
) {
  if (!deal || !me || !deal.owner || deal.owner === me) return null;
  return (
    <p class="hint" data-testid="teammate-contact">
      {t('popup_teammateContact', deal.owner, stageMap.get(deal.stageId)?.name ?? '')}
    </p>
  );
}

function ContactHeader({
  contact,
  match,
  weakMatch,
  same,
  onSame,
}: {
  contact: Contact;
  match: MatchKind | null;
  weakMatch?: ContactPanelProps['weakMatch'];
  /** The rep said "Same person": what the page adds is offered below. */
  same: boolean;
  onSame: () => void;
}) {
  const role = [contact.jobTitle, contact.company].filter(Boolean).join(' · ');
  const url = contactPageUrl(contact.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const different = (run: () => Promise<void>) => {
    setBusy(true);
    setError('');
    run().then(
      () => setBusy(false),
      (err) => {
        setBusy(false);
        setError(t('popup_saveFailed', describeError(err)));
      },
    );
  };
  return (
    <header class="contact-head">
      <h1 id="contact-name" data-testid="candidate-name">
        {contact.name || contact.emails[0] || t('unnamed')}
      </h1>
      {role && <p class="muted role">{role}</p>}
      {match === 'name' && !same && (
        <div class="hint" data-testid="name-match">
          <p>{t('popup_matchedByName')}</p>
          {weakMatch && (
            <div class="actions">
              <button type="button" data-testid="same-person" disabled={busy} onClick={onSame}>
                {t('popup_samePerson')}
              </button>
              <button
                type="button"
                data-testid="different-person"
                disabled={busy}
                onClick={() => different(weakMatch.onDifferent)}
              >
                {t('popup_differentPerson')}
              </button>
            </div>
          )}
        </div>
      )}
      {same && (
        <p class="muted small" role="status" data-testid="same-confirmed">
          {t('popup_confirmedSame')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <a
        class="open-contact"
        href={url}
        target="_blank"
        rel="noopener"
        data-testid="open-contact"
        onClick={(e) => {
          e.preventDefault();
          void browser.tabs.create({ url }).then(() => window.close());
        }}
      >
        {t('popup_openContact')}
      </a>
    </header>
  );
}

/**
 * A contact without an open deal: a lead (no deal ever) or someone whose deals are all closed. Offer to start a
 * deal, and still let the rep edit them.
 */
function NoOpenDeal({ contact, lead, main }: { contact: Contact; lead: boolean; main: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (main && !focusTaken()) button.current?.focus({ preventScroll: true });
  }, [main]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  return (
    <div class="no-deal">
      <p class="muted" data-testid={lead ? 'lead-no-deal' : 'no-open-deal'}>
        {lead ? t('popup_leadNoDeal') : t('popup_noOpenDeal')}
      </p>
      <div class="actions">
        <button
          ref={button}
          type="button"
          class="primary"
          disabled={busy}
          data-testid="new-deal"
          onClick={() => {
            setBusy(true);
            setError('');
            sendLazy('deal.create', { contactId: contact.id })
              .catch((err) => setError(t('popup_saveFailed', describeError(err))))
              .finally(() => setBusy(false));
          }}
        >
          {lead ? t('popup_startDeal') : t('popup_newDeal')}
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('popup_editAsk')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {editing && <EditForm contact={contact} deal={null} onClose={() => setEditing(false)} />}
    </div>
  );
}
