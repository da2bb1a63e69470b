import { messages } from '../i18n';

export const t = messages({
  older: ['Phiên bản {n}', 'Version {n}'],
  added: ['thêm mới', 'added'],
  removed: ['bị xoá', 'removed'],
  changed: ['thay đổi', 'changed'],
  moved: ['đổi vị trí', 'moved'],
  noChanges: ['Hai phiên bản giống nhau.', 'The two versions are the same.'],
  loading: ['Đang so sánh…', 'Comparing…'],
  changes: ['Các thay đổi', 'Changes'],
});
