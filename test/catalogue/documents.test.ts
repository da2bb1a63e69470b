import t from 'tap';
import { isRequiredDocument } from '../../src/catalogue/documents.js';

t.test('a document is required unless the catalogue, its quantity or its wording says otherwise', async (t) => {
  t.ok(isRequiredDocument({ name: 'Tờ khai đăng ký khai sinh theo mẫu', quantity: 'Bản chính: 1 - Bản sao: 0' }));
  t.ok(isRequiredDocument({ name: 'Giấy chứng sinh' }), 'no quantity given');
  t.notOk(
    isRequiredDocument({ name: 'Bản sao có chứng thực các giấy tờ', quantity: 'Bản chính: 0 - Bản sao: 0' }),
    'none asked for',
  );
  t.notOk(
    isRequiredDocument({ name: 'Trường hợp ủy quyền: văn bản ủy quyền', quantity: 'Bản chính: 1 - Bản sao: 0' }),
    '“Trường hợp…”',
  );
  t.notOk(isRequiredDocument({ name: '(ii) Trường hợp người nước ngoài: hộ chiếu' }), 'numbered “(ii) Trường hợp…”');
  t.notOk(isRequiredDocument({ name: 'Giấy xác nhận tình trạng hôn nhân, nếu đã kết hôn ở nước ngoài' }), '“… nếu …”');
  t.notOk(isRequiredDocument({ name: 'Ngoài giấy tờ trên, bản vẽ thiết kế' }), '“Ngoài …”');
  t.ok(
    isRequiredDocument({
      name: 'Giấy tờ chứng minh nơi cư trú; trường hợp cha, mẹ đã kết hôn thì xuất trình giấy chứng nhận kết hôn',
    }),
    'a case named inside a required document',
  );
  t.notOk(isRequiredDocument({ name: 'Giấy chứng sinh', required: false }), 'the catalogue’s word wins');
  t.ok(isRequiredDocument({ name: 'Trường hợp đặc biệt', quantity: 'Bản chính: 0', required: true }), 'either way');
});
