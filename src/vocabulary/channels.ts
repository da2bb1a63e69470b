/** How a dossier reached the one-stop desk: in person, through the online portal, or by post. */
export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  direct: 'trực tiếp',
  online: 'trực tuyến',
  postal: 'qua dịch vụ bưu chính',
};
