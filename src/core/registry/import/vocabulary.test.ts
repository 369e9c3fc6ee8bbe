import { describe, expect, it } from 'vitest';
import { sectorCodes } from '../sectors.js';
import { findLegalForm, findSector, findStatus, legalFormLabel, sectorLabel, statusLabel } from './vocabulary.js';

describe('vocabulary', () => {
  it.each([
    ['Pêche', 'fisheries'],
    ['PECHE', 'fisheries'],
    ['Secteur de la pêche', 'fisheries'],
    ['الصيد البحري', 'fisheries'],
    ['Agriculture', 'agriculture'],
    ['الفلاحة', 'agriculture'],
    ['Artisanat', 'handicrafts'],
    ['Handicrafts', 'handicrafts'],
    ['Argan', 'argan'],
    ['Huile d\'argan', 'argan'],
    ['PAM', 'aromatic_medicinal_plants'],
    ['Plantes aromatiques et médicinales', 'aromatic_medicinal_plants'],
    ['plantes aromatiques et medicinales', 'aromatic_medicinal_plants'],
    ['Élevage', 'livestock'],
    ['elevage', 'livestock'],
    ['Agroalimentaire', 'agrifood'],
    ['Agro-alimentaire', 'agrifood'],
    ['agrifood', 'agrifood'],
    ['Tourisme', 'tourism'],
    ['aromatic_medicinal_plants', 'aromatic_medicinal_plants'],
  ])('reads the sector %j as %s', (text, code) => {
    expect(findSector(text)).toBe(code);
  });

  it('knows no made-up sector', () => {
    expect(findSector('Astronautique')).toBeUndefined();
    expect(findSector('')).toBeUndefined();
  });

  it('reads every label it writes', () => {
    for (const code of sectorCodes) expect(findSector(sectorLabel(code))).toBe(code);
    expect(findLegalForm(legalFormLabel('union'))).toBe('union');
    expect(findStatus(statusLabel('dissolved'))).toBe('dissolved');
  });

  it('reads legal forms and statuses in three languages', () => {
    expect(findLegalForm('Coopérative')).toBe('cooperative');
    expect(findLegalForm('cooperative')).toBe('cooperative');
    expect(findLegalForm('تعاونية')).toBe('cooperative');
    expect(findLegalForm('Union de coopératives')).toBe('union');
    expect(findLegalForm('SARL')).toBeUndefined();
    expect(findStatus('Actif')).toBe('active');
    expect(findStatus('En veille')).toBe('inactive');
    expect(findStatus('منحلة')).toBe('dissolved');
    expect(findStatus('Peut-être')).toBeUndefined();
  });
});
