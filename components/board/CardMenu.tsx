import type { TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BoardDeal } from '@/lib/db/deal-index';
import { t } from '@/lib/i18n';
import type { Stage } from '@/lib/model';

export interface CardMenuProps {
  deal: BoardDeal;
  /** The person's name, for the button's label ("Actions for Dana Lee"). */
  name: string;
  stages: readonly Stage[];
  onMove: (deal: BoardDeal, stageId: string, name: string) => void;
}

/**
 * A card's "…" menu: open the contact, or move the deal to another stage. One button per card instead of a
 * stage dropdown on every card; the menu itself is drawn only while open (a board draws hundreds of cards).
 * It is a popover, so the column's scrolling box does not clip it, and it follows the menu-button pattern:
 * Enter, Space or ↓ open it on its first item, ↑/↓/Home/End move, Escape or Tab close it and focus returns
 * to the button.
 */
export function CardMenu({ deal, name, stages, onMove }: CardMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = `deal-${deal.id}-menu`;

  useLayoutEffect(() => {
    // Nothing is measured while the menu is closed: this runs for every card the board draws, and a layout read
    // here forced the whole board's layout inside its first render, before the browser would have done it.
    const el = menu.current;
    if (!open || !el) return;
    const at = button.current?.getBoundingClientRect();
    if (!at) return;
    el.showPopover();
    // Below the button, right-aligned with it; above it when there is no room below.
    const { width, height } = el.getBoundingClientRect();
    const below = at.bottom + 2 + height <= innerHeight;
    el.style.left = `${Math.max(4, at.right - width)}px`;
    el.style.top = `${below ? at.bottom + 2 : Math.max(4, at.top - 2 - height)}px`;
    items()[0]?.focus();
  }, [open]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (e: TargetedKeyboardEvent<HTMLElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };
  const choose = (stageId: string) => {
    close(true);
    if (stageId !== deal.stageId) onMove(deal, stageId, name);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class="card-menu-button"
        data-testid="card-menu"
        aria-label={t('board_cardActions', name)}
        title={t('board_cardActions', name)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        …
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          popover="auto"
          role="menu"
          class="card-menu"
          data-testid="card-menu-list"
          aria-label={t('board_cardActions', name)}
          onKeyDown={onMenuKey}
          // Escape and a click elsewhere close a popover by themselves: keep the state in step.
          onToggle={(e) => {
            if ((e as unknown as ToggleEvent).newState === 'closed') setOpen(false);
          }}
        >
          <a
            role="menuitem"
            tabIndex={-1}
            href={`#contacts?id=${encodeURIComponent(deal.contactId)}`}
            onClick={() => setOpen(false)}
          >
            {t('board_openContact')}
          </a>
          {/* biome-ignore lint/a11y/useSemanticElements: a group of items inside role="menu" (the WAI-ARIA menu pattern); a fieldset groups form controls and has no place in a menu. */}
          <div role="group" aria-label={t('board_moveToStage')}>
            <div class="card-menu-label" aria-hidden="true">
              {t('board_moveToStage')}
            </div>
            {stages.map((s) => (
              <button
                key={s.id}
                type="button"
                role="menuitemradio"
                aria-checked={s.id === deal.stageId}
                tabIndex={-1}
                data-testid={`move-to-${s.id}`}
                onClick={() => choose(s.id)}
              >
                {s.name}
              </button>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
