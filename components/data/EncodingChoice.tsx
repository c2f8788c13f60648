import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CsvFormat } from '@/lib/io/csv-read';

const CHOICES: { value: CsvFormat['encoding']; label: () => string }[] = [
  { value: 'windows-1252', label: () => t('io_encodingWindows') },
  { value: 'utf-8-lenient', label: () => t('io_encodingUtf8Lenient') },
];

/**
 * A CSV file that is not UTF-8 after all: which line, and how to read it. The rep chooses; Prospector never
 * switches encodings on its own (a silent switch once garbled every accented name in a file).
 */
export function EncodingChoice(props: {
  heading: RefObject<HTMLHeadingElement | null>;
  line: number;
  onRead: (encoding: CsvFormat['encoding']) => void;
  onBack: () => void;
}) {
  const [choice, setChoice] = useState<CsvFormat['encoding']>('windows-1252');
  return (
    <div data-testid="encoding-choice">
      <h3 tabIndex={-1} ref={props.heading}>
        {t('io_errorEncodingLine', props.line)}
      </h3>
      <fieldset>
        <legend>{t('io_encodingQuestion')}</legend>
        {CHOICES.map((c) => (
          <label class="inline" key={c.value}>
            <input
              type="radio"
              name="csv-encoding"
              value={c.value}
              data-testid={`encoding-${c.value}`}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
            />{' '}
            {c.label()}
          </label>
        ))}
      </fieldset>
      <div class="io-row">
        <button type="button" data-testid="encoding-read" onClick={() => props.onRead(choice)}>
          {t('io_encodingRead')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('io_cancel')}
        </button>
      </div>
    </div>
  );
}
