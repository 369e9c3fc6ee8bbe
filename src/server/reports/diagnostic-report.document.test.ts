import { describe, expect, it } from 'vitest';
import { asciiSlug, contentDisposition, reportFileNames } from './diagnostic-report.document.js';
import type { DiagnosticReport } from '../../core/diagnostics/report.js';

describe('report file names', () => {
  it('makes an ASCII slug of a French name', () => {
    expect(asciiSlug('Coopérative Al Amal des pêcheurs (Tah)', 'x')).toBe('cooperative-al-amal-des-pecheurs-tah');
    expect(asciiSlug('تعاونية الأمل', 'cooperative')).toBe('cooperative');
  });

  it('gives an ASCII name and the UTF-8 one', () => {
    const report = {
      locale: 'ar',
      cooperative: { name: 'تعاونية الأمل', nameFr: 'Coopérative Al Amal' },
      diagnostic: { kind: 'baseline' },
    } as unknown as DiagnosticReport;
    const names = reportFileNames(report);
    expect(names.ascii).toBe('diagnostic-cooperative-al-amal-baseline-ar.pdf');
    expect(names.utf8).toBe('diagnostic-تعاونية-الأمل-baseline-ar.pdf');
    const header = contentDisposition(names);
    expect(header).toMatch(/^attachment; filename="diagnostic-cooperative-al-amal-baseline-ar\.pdf"; filename\*=UTF-8''diagnostic-/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(names.utf8);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
