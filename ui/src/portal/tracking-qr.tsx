import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { t } from './messages';

/** A QR code of an address, drawn in the browser as SVG (no canvas, no request), to scan from a printed page. */
export function TrackingQr({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 1, width: 132, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure class="tracking-qr">
      {src && <img src={src} width={132} height={132} alt={t('qrAlt', { url })} data-testid="tracking-qr" />}
      <figcaption class="muted small">{t('qrCaption')}</figcaption>
    </figure>
  );
}
