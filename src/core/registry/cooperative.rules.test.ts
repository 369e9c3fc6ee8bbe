import { describe, expect, it } from 'vitest';
import { cooperativeNameKey, deriveCooperativeColumns, searchTerms } from './cooperative.rules.js';
import { cooperativeInputSchema } from './cooperative.schema.js';

describe('cooperative rules', () => {
  it('derives the region from the province', () => {
    const derived = deriveCooperativeColumns({ provinceCode: '11.537', nameFr: 'Coopérative Akhfennir', nameAr: 'تعاونية أخفنير', registrationNumber: 'RC-1' });
    expect(derived.regionCode).toBe('11');
    expect(derived.searchText).toContain('cooperative akhfennir');
    expect(derived.searchText).toContain('تعاونيه اخفنير');
  });

  it('gives the same key to spellings of the same name', () => {
    const key = (nameFr: string) => cooperativeNameKey({ nameFr, nameAr: null });
    expect(key('Coopérative Al Amal')).toBe(key('COOPERATIVE AL-AMAL'));
    expect(key('Coopérative Al Amal')).toBe(key('Al Amal'));
    expect(key('Coopérative Al Amal')).not.toBe(key('Coopérative Al Nour'));
  });

  it('folds search words like the stored text', () => {
    expect(searchTerms('  Écoles  Tah ')).toEqual(['ecoles', 'tah']);
    expect(searchTerms('أمل')).toEqual(['امل']);
  });
});

describe('cooperative input', () => {
  const valid = { nameFr: 'Coopérative Tah', sector: 'fisheries', provinceCode: '11.537' };

  it('accepts a minimal record and fills defaults', () => {
    const parsed = cooperativeInputSchema.parse(valid);
    expect(parsed.legalForm).toBe('cooperative');
    expect(parsed.status).toBe('active');
    expect(parsed.nameAr).toBeNull();
  });

  it('names each wrong field', () => {
    const result = cooperativeInputSchema.safeParse({
      ...valid,
      nameFr: '',
      provinceCode: '99.999',
      membersTotal: 5,
      membersWomen: 7,
      presidentPhone: '12345',
      latitude: 27.1,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['longitude', 'membersWomen', 'nameFr', 'presidentPhone', 'provinceCode']);
  });

  it('asks for a name in one language at least and checks the counts', () => {
    const result = cooperativeInputSchema.safeParse({ ...valid, nameFr: '', membersTotal: 5, membersWomen: 7 });
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['membersWomen', 'nameFr']);
  });

  it('accepts Moroccan phone numbers as people write them', () => {
    for (const phone of ['0612345678', '06 12 34 56 78', '+212 6 12 34 56 78', '00212528123456']) {
      expect(cooperativeInputSchema.safeParse({ ...valid, phone }).success).toBe(true);
    }
  });
});
