import { describe, expect, it } from 'vitest';
import { cooperativeInputSchema } from '../cooperative.schema.js';
import { exportColumns } from './export-columns.js';
import { guessField, importFields, missingRequiredFields, suggestMapping } from './mapping.js';

describe('header mapping', () => {
  it('covers every field of a cooperative, and the region', () => {
    expect([...importFields].filter((field) => field !== 'regionCode').sort()).toEqual(Object.keys(cooperativeInputSchema.shape).sort());
  });

  it.each([
    ['Nom (FR)', 'nameFr'],
    ['nom fr', 'nameFr'],
    ['NOM', 'nameFr'],
    ['Raison sociale', 'nameFr'],
    ['Dénomination', 'nameFr'],
    ['Raison sociale (AR)', 'nameAr'],
    ['Nom en arabe', 'nameAr'],
    ['الاسم', 'nameAr'],
    ['اسم التعاونية', 'nameAr'],
    ['N° immatriculation', 'registrationNumber'],
    ['N° d\'immatriculation', 'registrationNumber'],
    ['Numéro d’immatriculation', 'registrationNumber'],
    ['Registration number', 'registrationNumber'],
    ['رقم التسجيل', 'registrationNumber'],
    ['Date de création', 'creationDate'],
    ['date creation', 'creationDate'],
    ['Created on', 'creationDate'],
    ['Date d’immatriculation', 'creationDate'],
    ['تاريخ التأسيس', 'creationDate'],
    ['Nombre d\'adhérents', 'membersTotal'],
    ['Nbre adhérents', 'membersTotal'],
    ['Number of members', 'membersTotal'],
    ['عدد المنخرطين', 'membersTotal'],
    ['dont femmes', 'membersWomen'],
    ['Adhérents femmes', 'membersWomen'],
    ['Women', 'membersWomen'],
    ['dont jeunes (moins de 35 ans)', 'membersYoung'],
    ['Province', 'provinceCode'],
    ['Province / Préfecture', 'provinceCode'],
    ['Province de la coopérative', 'provinceCode'],
    ['الإقليم', 'provinceCode'],
    ['Région', 'regionCode'],
    ['الجهة', 'regionCode'],
    ['Secteur d\'activité', 'sector'],
    ['Sector', 'sector'],
    ['Filière', 'valueChain'],
    ['Forme juridique', 'legalForm'],
    ['Téléphone', 'phone'],
    ['Tél. président(e)', 'presidentPhone'],
    ['GSM gestionnaire', 'managerPhone'],
    ['Nom et prénom du président', 'presidentName'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['Produits', 'products'],
    ['Chiffre d\'affaires 2023 (DH)', 'turnoverMad'],
    ['Année du CA', 'turnoverYear'],
    ['Capital social', 'capitalMad'],
    ['Statut', 'status'],
    ['Latitude', 'latitude'],
    ['Lng', 'longitude'],
    ['Commune', 'commune'],
    ['Adresse du siège', 'address'],
  ])('reads %j as %s', (header, field) => {
    expect(guessField(header)?.field).toBe(field);
  });

  it('leaves unknown headers aside', () => {
    expect(guessField('Observations')).toBeUndefined();
    expect(guessField('')).toBeUndefined();
  });

  it('gives each field to one column, the best-named one', () => {
    expect(suggestMapping(['Province (AR)', 'Nom', 'Province', 'Téléphone', 'Tel', 'Remarques'])).toEqual({
      'Province (AR)': null,
      Nom: 'nameFr',
      Province: 'provinceCode',
      Téléphone: 'phone',
      Tel: null,
      Remarques: null,
    });
  });

  it('maps every column of an export back to its field', () => {
    const mapping = suggestMapping(exportColumns.map((column) => column.header));
    expect(mapping).toEqual(Object.fromEntries(exportColumns.map((column) => [column.header, column.field])));
  });

  it('names the required fields a mapping lacks', () => {
    expect(missingRequiredFields({ Nom: 'nameFr', Province: 'provinceCode', Secteur: 'sector' })).toEqual([]);
    expect(missingRequiredFields({ الاسم: 'nameAr', Province: 'provinceCode', Secteur: 'sector' })).toEqual([]);
    expect(missingRequiredFields({ Nom: null, Commune: 'commune' })).toEqual(['nameFr', 'provinceCode', 'sector']);
  });
});
