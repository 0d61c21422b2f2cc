import { describe, expect, it } from 'vitest';
import { Dossier } from '../../shared/api/gateway';
import { parseReceipt } from '../../shared/receipt/parseReceipt';
import { buildDemoDossiers } from '../../server/demoData';

const dossiers = buildDemoDossiers(new Date('2026-12-08T03:00:00Z'));

/** Units that no longer exist since 01/07/2025 (domain.md section 0): the province, its cities, districts and branches. */
const legacy = /Bình Dương|Thủ Dầu Một|Thuận An|quận|huyện|thị xã|Chi nhánh|\btỉnh\b/iu;

describe('the demo dossiers', () => {
  it("name only today's units of Thành phố Hồ Chí Minh: its centre, wards and communes", () => {
    for (const dossier of dossiers) {
      const places = [dossier.agency.name, dossier.result.pickupLocation, dossier.supplement?.counter ?? '', ...dossier.steps.map((step) => step.unit)];
      for (const place of places) expect(place, dossier.code).not.toMatch(legacy);
    }
    expect(dossiers.map((dossier) => dossier.agency.name)).toEqual(
      expect.arrayContaining(['Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh', 'UBND phường Lái Thiêu', 'UBND xã Dầu Tiếng']),
    );
  });

  it("keep the national code form, under the receiving agency's id in the city (H29)", () => {
    for (const dossier of dossiers) {
      expect(Dossier.parse(dossier)).toEqual(dossier);
      expect(dossier.agency.id).toMatch(/\.H29$/);
      const receipt = parseReceipt(dossier.code);
      // Social insurance numbers its dossiers its own way (domain.md section 2); every other code is structured.
      if (dossier.agency.name.startsWith('Bảo hiểm xã hội')) expect(receipt).toMatchObject({ ok: true, kind: 'unstructured' });
      else expect(receipt, dossier.code).toMatchObject({ ok: true, kind: 'structured', structured: { agencyId: dossier.agency.id } });
    }
  });

  it('have one dossier awaiting payment with a fee payable by VietQR before its deadline', () => {
    const paying = dossiers.filter((dossier) => dossier.status === 'awaiting_payment');
    expect(paying).toHaveLength(1);
    expect(paying[0]?.payment).toMatchObject({ amountVnd: expect.any(Number), beneficiary: { bankBin: expect.stringMatching(/^\d{6}$/) } });
    expect(Date.parse(paying[0]?.payment?.deadline ?? '')).toBeGreaterThan(Date.parse('2026-12-08T03:00:00Z'));
  });
});
