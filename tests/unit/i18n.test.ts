import { describe, expect, it } from 'vitest';
import { localeFor, setLocale, t } from '@/lib/i18n';
import { formatMoney } from '@/lib/i18n/money';
import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';

describe('i18n', () => {
  it('has every English message in Bahasa Indonesia too, none empty', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const catalog of [en, id])
      for (const [key, v] of Object.entries(catalog)) expect(v.message.trim(), key).not.toBe('');
    for (const [key, v] of Object.entries(en)) {
      const idMsg = (id as Record<string, { message: string }>)[key]!.message;
      expect(idMsg.match(/\$\d/g) ?? [], `placeholders of ${key}`).toEqual(v.message.match(/\$\d/g) ?? []);
    }
  });

  it('picks the locale, substitutes, and formats money through Intl', () => {
    expect(localeFor('id-ID')).toBe('id');
    expect(localeFor('en-GB')).toBe('en');
    setLocale('id');
    expect(t('saveFailed', 'x')).toBe('Gagal menyimpan: x');
    expect(formatMoney(150_000_000, 'IDR')).toMatch(/^Rp\s?1\.500\.000(,00)?$/);
    setLocale('en');
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(1000, 'JPY')).toBe('¥1,000');
  });
});
