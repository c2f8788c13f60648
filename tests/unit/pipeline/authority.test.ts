import { describe, expect, it } from 'vitest';
import { AUTHORITY_LEVEL, type Seniority, seniorityOf, suggestAuthority } from '@/lib/pipeline/authority';

const cases: [string, Seniority | null][] = [
  // C-level, English and Indonesian
  ['CEO', 'c-level'],
  ['Chief Executive Officer', 'c-level'],
  ['Chief Financial Officer', 'c-level'],
  ['CHRO', 'c-level'],
  ['Co-Founder & CTO', 'c-level'],
  ['Founder', 'c-level'],
  ['Owner', 'c-level'],
  ['President', 'c-level'],
  ['Managing Director, APAC', 'c-level'],
  ['Presiden Direktur', 'c-level'],
  ['Direktur Utama', 'c-level'],
  ['Dirut PT Maju Jaya', 'c-level'],
  ['Pendiri & Pemilik', 'c-level'],
  ['Komisaris Utama', 'c-level'],
  // VP and deputies
  ['VP Sales', 'vp'],
  ['Vice President, Engineering', 'vp'],
  ['SVP Marketing', 'vp'],
  ['Wakil Presiden Direktur', 'vp'],
  ['Wakil Direktur Utama', 'vp'],
  ['Wakil Direktur', 'vp'],
  ['Deputy CEO', 'vp'],
  ['Partner', 'vp'],
  // Head / director
  ['Head of Procurement', 'director'],
  ['Sales Director', 'director'],
  ['Director of Engineering', 'director'],
  ['Direktur Operasional', 'director'],
  ['Direktur Keuangan', 'director'],
  ['Kepala Pembelian', 'director'],
  ['Kepala Divisi IT', 'director'],
  ['General Manager', 'director'],
  ['Assistant Vice President', 'director'],
  ['AVP, Treasury', 'director'],
  // Manager
  ['Engineering Manager', 'manager'],
  ['Manajer IT', 'manager'],
  ['Manajer Pemasaran', 'manager'],
  ['Procurement Supervisor', 'manager'],
  ['Product Lead', 'manager'],
  ['Team Lead, Platform', 'manager'],
  ['Assistant Manager', 'manager'],
  ['Associate Director', 'manager'],
  ['Channel Partner Manager', 'manager'],
  // Individual contributors
  ['Purchasing Officer', 'individual'],
  ['Staff Accountant', 'individual'],
  ['Staf Administrasi', 'individual'],
  ['Software Engineer', 'individual'],
  ['Account Executive', 'individual'],
  ['Key Account Manager', 'individual'],
  ['Executive Assistant to the CEO', 'individual'],
  ['Lead Generation Specialist', 'individual'],
  ['Karyawan', 'individual'],
  // Nothing recognised
  ['', null],
  ['Dewi Lestari', null],
  ['Nusantara Logistics', null],
  ['Cargo handling', null],
  ['Headhunter', null],
];

describe('seniorityOf', () => {
  it.each(cases)('%s → %s', (title, expected) => {
    expect(seniorityOf(title)).toBe(expected);
  });

  it('takes the most senior current role of a headline and ignores past ones', () => {
    expect(seniorityOf('Board Advisor | Founder & CEO at Acme')).toBe('c-level');
    expect(seniorityOf('Software Engineer | ex-CTO')).toBe('individual');
    expect(seniorityOf('Manajer Penjualan di PT Sinar Abadi | mantan Direktur Utama')).toBe('manager');
    expect(seniorityOf('Head of Sales at Chief Brands Inc')).toBe('director');
  });

  it('reads accented, odd-case and punctuated titles', () => {
    expect(seniorityOf('  DIRECTORA GENERAL  ')).toBe(null);
    expect(seniorityOf('Directeur général / CEO')).toBe('c-level');
    expect(seniorityOf('vice-president (sales)')).toBe('vp');
    expect(seniorityOf('Head\u00a0of\u200bProcurement')).toBe('director');
  });

  it('is bounded on huge input', () => {
    expect(seniorityOf(`${'x '.repeat(100_000)}CEO`)).toBe(null);
  });
});

describe('suggestAuthority', () => {
  it('maps the tier to a BANT level, strongest for those who sign', () => {
    expect(suggestAuthority('CEO')).toEqual({ level: 3, seniority: 'c-level' });
    expect(suggestAuthority('VP Sales')).toEqual({ level: 3, seniority: 'vp' });
    expect(suggestAuthority('Kepala Pembelian')).toEqual({ level: 2, seniority: 'director' });
    expect(suggestAuthority('Manajer IT')).toEqual({ level: 2, seniority: 'manager' });
    expect(suggestAuthority('Staf')).toEqual({ level: 1, seniority: 'individual' });
    expect(suggestAuthority('')).toBeNull();
    expect(Object.values(AUTHORITY_LEVEL).every((l) => l >= 1 && l <= 3)).toBe(true);
  });
});
