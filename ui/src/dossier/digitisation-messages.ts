import { messages } from '../i18n';

export const t = messages({
  title: ['Thành phần hồ sơ đã nhận, số hóa', 'Documents received, digitisation'],
  complete: ['Đã số hóa đầy đủ lúc {at}', 'Fully digitised at {at}'],
  partial: ['Đã số hóa {done}/{all} giấy tờ', '{done} of {all} documents digitised'],
  originals: ['bản chính', 'originals'],
  copies: ['bản sao', 'copies'],
  scans: ['tệp', 'files'],
  digitisedAt: ['Đã số hóa {at}', 'Digitised {at}'],
  notDigitised: ['Chưa số hóa', 'Not digitised'],
  attachScan: ['Đính kèm bản scan…', 'Attach the scan…'],
  uploading: ['Đang tải lên…', 'Uploading…'],
  confirm: ['Xác nhận đã số hóa', 'Confirm digitised'],
  scanFirst: ['Đính kèm bản scan trước khi xác nhận.', 'Attach the scan before confirming.'],
});
