import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Stage } from '@/lib/model';

export interface StageTrackProps {
  /** Every stage, in board order. */
  stages: readonly Stage[];
  currentId: string;
  /** Stage ids the deal has been in (drawn as passed). */
  visited: ReadonlySet<string>;
  /** Moves the deal; absent → the track is display only. */
  onPick?: (stage: Stage) => void;
  disabled?: boolean;
}

/**
 * A deal's place in the pipeline: one segment per stage, the current one highlighted and named, open stages
 * then won and lost. Each segment is a button that moves the deal there; the track is one tab stop and the
 * arrow keys move along it (a toolbar, WAI-ARIA's roving tabindex), so a keyboard user is not made to tab
 * through eight buttons to reach the next control.
 */
export function StageTrack({ stages, currentId, visited, onPick, disabled }: StageTrackProps) {
  const list = useRef<HTMLDivElement>(null);
  const current = stages.find((s) => s.id === currentId);
  const focusable = Math.max(
    0,
    stages.findIndex((s) => s.id === currentId),
  );

  function onKeyDown(e: KeyboardEvent) {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (i + 1) % buttons.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (i - 1 + buttons.length) % buttons.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    for (const [k, b] of buttons.entries()) b.tabIndex = k === next ? 0 : -1;
    buttons[next]?.focus();
  }

  return (
    <div class="stage-track">
      <div ref={list} class="stage-segs" role="toolbar" aria-label={t('popup_stageTrackLabel')} onKeyDown={onKeyDown}>
        {stages.map((stage, i) => {
          const isCurrent = stage.id === currentId;
          const state = isCurrent ? 'current' : visited.has(stage.id) ? 'passed' : 'ahead';
          const label = isCurrent ? t('popup_stageCurrent', stage.name) : t('popup_moveTo', stage.name);
          return (
            <button
              key={stage.id}
              type="button"
              class={`stage-seg ${state} kind-${stage.kind}`}
              style={{ '--stage-color': stage.color }}
              aria-label={label}
              aria-current={isCurrent ? 'step' : undefined}
              title={label}
              tabIndex={i === focusable ? 0 : -1}
              disabled={disabled || !onPick}
              data-testid={`stage-seg-${stage.id}`}
              onClick={() => !isCurrent && onPick?.(stage)}
            />
          );
        })}
      </div>
      {current && (
        <p class="stage-name">
          <span class="stage-dot" style={{ background: current.color }} aria-hidden="true" />
          <strong data-testid="contact-stage">{current.name}</strong>
        </p>
      )}
    </div>
  );
}
