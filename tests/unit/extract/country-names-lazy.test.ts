import { afterEach, describe, expect, it, vi } from 'vitest';

const RealDisplayNames = Intl.DisplayNames;
/** Intl's constructors are read-only in the types, not at run time: the test counts the tables built. */
const intl = Intl as { DisplayNames: typeof RealDisplayNames };

describe('countryFromLocation', () => {
  afterEach(() => {
    intl.DisplayNames = RealDisplayNames;
    vi.resetModules();
  });

  it('builds its table of country names only for a location that names something', async () => {
    let made = 0;
    intl.DisplayNames = class extends RealDisplayNames {
      constructor(...args: ConstructorParameters<typeof RealDisplayNames>) {
        super(...args);
        made++;
      }
    };
    // A fresh module: the table is built once per service worker, on first use.
    const { countryFromLocation, inferCountries } = await import('@/lib/extract/normalise/country');
    expect(countryFromLocation('')).toBeUndefined();
    expect(countryFromLocation(' , ')).toBeUndefined();
    expect(inferCountries({ emails: ['dewi@nusantara.co.id'] })).toEqual(['ID']);
    expect(made).toBe(0);
    expect(countryFromLocation('Jakarta, Indonesia')).toBe('ID');
    expect(countryFromLocation('Bandung, Jawa Barat, Indonesia')).toBe('ID');
    expect(made).toBeGreaterThan(0);
  });
});
