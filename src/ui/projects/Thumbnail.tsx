// A project's or version's thumbnail: its PNG bytes shown through an object URL that is revoked
// when the bytes change or the image unmounts, so a long versions list does not leak blobs.
import { useEffect, useRef } from 'react';

export function Thumbnail({ bytes, className }: { bytes?: Uint8Array; className: string }) {
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const el = img.current;
    if (!el || !bytes || bytes.byteLength === 0) return;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' }));
    el.src = url;
    return () => {
      el.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [bytes]);
  if (!bytes || bytes.byteLength === 0) {
    return <span className={`${className} project-thumb-empty`} aria-hidden="true" />;
  }
  return <img ref={img} className={className} alt="" width={80} height={45} draggable={false} />;
}
