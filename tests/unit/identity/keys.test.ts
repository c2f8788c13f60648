import { describe, expect, it } from 'vitest';
import { foldText, linkedinKey, linkedinUrlFromKey, nameKey } from '@/lib/identity/keys';

describe('dedupe keys', () => {
  it('normalises LinkedIn profile URLs in their many forms', () => {
    for (const url of [
      'https://www.linkedin.com/in/jane-doe/',
      'https://linkedin.com/in/Jane-Doe',
      'http://id.linkedin.com/in/jane-doe/details/experience/?trk=x',
      'www.linkedin.com/in/jane-doe#about',
    ]) {
      expect(linkedinKey(url)).toBe('in/jane-doe');
    }
    expect(linkedinKey('https://www.linkedin.com/company/acme/')).toBe('');
    expect(linkedinKey('https://evil.test/?u=linkedin.com/in/x')).toBe('');
    expect(linkedinUrlFromKey('in/jane-doe')).toBe('https://www.linkedin.com/in/jane-doe/');
  });

  it('matches names across accents, case and company suffixes but needs both parts', () => {
    expect(nameKey('José  Núñez', 'Acme, Inc.')).toBe(nameKey('jose nunez', 'ACME'));
    expect(nameKey('Budi Santoso', 'PT Maju Jaya Tbk')).toBe(nameKey('Budi Santoso', 'Maju Jaya'));
    expect(nameKey('Jane', '')).toBe('');
    expect(foldText('山田\u200B太郎')).toBe('山田太郎');
  });
});
