import t from 'tap';
import { DomainError } from '../../src/errors.js';
import type { Unit } from '../../src/units/directory.js';
import { bareName, planReorganisation, type ReorganisationInput } from '../../src/reorganisation/plan.js';

const unit = (code: string, name: string, kind: string, level: string, parentCode: string | null): Unit => ({
  code,
  name,
  kind,
  level,
  parentCode,
  agencyId: `H26.${code}`,
  validFrom: null,
  validTo: null,
  saturdayMorning: false,
});

// A small city: two districts, their communes, a department. Quận Alpha's "Phường Old" is in no merge row.
const UNITS = [
  unit('01', 'Thành phố', 'thanh_pho', 'tinh', null),
  unit('S1', 'Sở Một', 'so', 'tinh', '01'),
  unit('D1', 'Quận Alpha', 'quan', 'huyen', '01'),
  unit('D2', 'Huyện Beta', 'huyen', 'huyen', '01'),
  unit('A1', 'Phường Alpha', 'phuong', 'xa', 'D1'),
  unit('A2', 'Phường Gamma', 'phuong', 'xa', 'D1'),
  unit('A3', 'Phường Delta', 'phuong', 'xa', 'D1'),
  unit('A4', 'Phường Old', 'phuong', 'xa', 'D1'),
  unit('B1', 'Xã Beta', 'xa', 'xa', 'D2'),
  unit('B2', 'Xã Epsilon', 'xa', 'xa', 'D2'),
  unit('B3', 'Xã Zeta', 'xa', 'xa', 'D2'),
  unit('B4', 'Xã Eta', 'xa', 'xa', 'D2'),
];
const KINDS = new Map([
  ['thanh_pho', 'tinh'],
  ['so', 'tinh'],
  ['quan', 'huyen'],
  ['huyen', 'huyen'],
  ['phuong', 'xa'],
  ['xa', 'xa'],
]);
const NEW_UNITS = 'code,name,kind\nA1,Phường Alpha,phuong\nB1,Xã Beta Mới,xa\nN1,Xã Zeta,xa\n';
const MERGES = `new_code,old_code,merge_type,merge_note,primary
A1,A1,full,Nhập toàn bộ,
A1,A2,full,Nhập toàn bộ,
A1,A3,partial,Nhập một phần diện tích,
N1,A3,partial,"Nhập một phần diện tích, toàn bộ dân số",
B1,B1,full,,
B1,B2,partial,,
N1,B2,partial,,
B1,B3,partial,,
N1,B3,partial,,
B1,B4,partial,,
N1,B4,partial,,yes
`;
const INPUT: ReorganisationInput = {
  name: 'Sắp xếp thử',
  effectiveDate: '2025-07-01',
  unitsCsv: NEW_UNITS,
  mergesCsv: MERGES,
  abolishLevels: ['huyen'],
  complete: true,
};

t.test('each retiring unit gets a primary successor, and the plan says by which rule', async (t) => {
  const plan = planReorganisation(INPUT, UNITS, KINDS);
  const rules = Object.fromEntries(plan.retiring.map((u) => [u.code, `${u.primary} ${u.rule}`]));
  t.same(rules, {
    A2: 'A1 only',
    A3: 'N1 whole-population',
    B2: 'B1 first-listed',
    B3: 'N1 same-name',
    B4: 'N1 marked',
    D1: 'A1 same-name',
    D2: 'B1 most-units',
    A4: 'A1 inferred-from-parent',
  });
  t.notOk(
    plan.retiring.some((u) => ['01', 'S1', 'A1', 'B1'].includes(u.code)),
    'the city, departments and continuing units stay',
  );
  t.same(plan.retiring.find((u) => u.code === 'A3')!.successors, ['A1', 'N1'], 'a split unit lists every successor');
});

t.test(
  'units keeping their code take the new name; new codes are created; parents skip abolished levels',
  async (t) => {
    const plan = planReorganisation(INPUT, UNITS, KINDS);
    t.same(
      plan.continuing.map((u) => [u.code, u.before.name, u.name, u.parentCode]),
      [
        ['A1', 'Phường Alpha', 'Phường Alpha', '01'],
        ['B1', 'Xã Beta', 'Xã Beta Mới', '01'],
      ],
    );
    t.same(
      plan.created.map((u) => [u.code, u.level, u.parentCode]),
      [['N1', 'xa', '01']],
    );
  },
);

t.test('without --complete, units no merge row names keep working', async (t) => {
  const plan = planReorganisation({ ...INPUT, complete: false }, UNITS, KINDS);
  t.notOk(plan.retiring.some((u) => u.code === 'A4'));
});

t.test('a reorganisation is planned against the units in force the day before its date', async (t) => {
  const ended = [
    ...UNITS.filter((u) => u.code !== 'A4'),
    { ...UNITS.find((u) => u.code === 'A4')!, validTo: '2020-01-01' },
  ];
  t.notOk(
    planReorganisation(INPUT, ended, KINDS).retiring.some((u) => u.code === 'A4'),
    'a unit that ended earlier is not retired again',
  );
});

t.test('every problem of the files is listed with its line, in Vietnamese', async (t) => {
  const broken = {
    ...INPUT,
    unitsCsv: `${NEW_UNITS}X9,Đơn vị lạ,thon\n`,
    mergesCsv: `${MERGES}Q1,A2,full,,\nA1,ZZ,full,,\nA1,B2,some,,\n`,
  };
  const err = await t.throws(() => planReorganisation(broken, UNITS, KINDS));
  t.ok(err instanceof DomainError && err.status === 422);
  const messages = (err as DomainError).details!.errors!.map((e) => e.message);
  t.same(messages, [
    'Tệp đơn vị mới, dòng 5: loại đơn vị "thon" không có trong danh mục.',
    'Tệp sáp nhập, dòng 15: merge_type phải là "full" hoặc "partial".',
    'Tệp sáp nhập, dòng 13: đơn vị mới Q1 không có trong danh sách đơn vị mới.',
    'Tệp sáp nhập, dòng 14: đơn vị cũ ZZ không có hoặc không còn hiệu lực ngày 2025-06-30.',
  ]);
  const noColumns = await t.throws(() => planReorganisation({ ...INPUT, mergesCsv: 'moi,cu\nA1,A2\n' }, UNITS, KINDS));
  t.match((noColumns as DomainError).details!.errors![0]!.message, /thiếu cột new_code, old_code, merge_type/);
});

t.test('names match whatever the kind and tone-mark placement, never across different tones', async (t) => {
  t.equal(bareName('Phường Yên Hoà'), bareName('Quận Yên Hòa'));
  t.equal(bareName('Xã Thuỵ Lâm'), bareName('Xã Thụy Lâm'));
  t.equal(bareName('Thị xã Sơn Tây'), 'sơn tây');
  t.not(
    bareName('Xã Sơn Đông'),
    bareName('Xã Sơn Đồng'),
    'Sơn Đông (Sơn Tây) and Sơn Đồng (Hoài Đức) are two communes',
  );
});
