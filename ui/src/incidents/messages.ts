import { messages } from '../i18n';

export const t = messages({
  title: ['Sự cố cần xử lý', 'Incidents to deal with'],
  kind_version_blocked: ['Phiên bản quy trình bị chặn', 'Process version blocked'],
  kind_step_timeout: ['Bước xử lý quá thời gian', 'Step over its time limit'],
  kind_step_failed: ['Quy trình không chạy được bước', 'The process could not run a step'],
  kind_dossier_held: ['Hồ sơ đang chờ', 'Dossier held'],
  version: ['phiên bản {n}', 'version {n}'],
  raisedAt: ['Ghi nhận lúc', 'Raised at'],
});
