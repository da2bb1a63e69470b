import t from 'tap';
import { dayKey, dossierCode } from '../../src/dossiers/codes.js';

t.test('dossier codes are {agency}-{yymmdd}-{seq}', async (t) => {
  t.equal(dossierCode('H26.00001', '2018-11-19', 7), 'H26.00001-181119-0007');
  t.equal(dossierCode('000.00.01.H26', '2026-01-02', 1234), '000.00.01.H26-260102-1234');
  t.equal(dossierCode('H26.SXD', '2018-11-19', 12345), 'H26.SXD-181119-12345', 'a 5th digit when a day passes 9999');
  t.equal(dayKey('2009-03-05'), '090305');
});
