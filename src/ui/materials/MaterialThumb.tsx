// One thumbnail: a canvas that draws the shaded sphere when it is ready. It asks the thumbnail
// source only while mounted (the browser mounts only the cards in view) and gives the request back
// when it unmounts, so scrolling past hundreds of presets bakes only what stays on screen.
import { useEffect, useRef, useState } from 'react';
import type { MaterialParams } from '../../core/materials/preset';
import type { ThumbnailImage } from '../../core/materials/thumbnail';
import { thumbnailKey, type ThumbnailSource } from './thumbnail-source';

export function drawImage(canvas: HTMLCanvasElement | null, image: ThumbnailImage): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  if (canvas.width !== image.width) canvas.width = image.width;
  if (canvas.height !== image.height) canvas.height = image.height;
  ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
}

export function MaterialThumb(props: {
  id: string;
  params: MaterialParams;
  source: ThumbnailSource;
}) {
  const { id, params, source } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = thumbnailKey(id, params);
  const [state, setState] = useState<{ key: string; status: 'ready' | 'failed'; error?: string }>();

  useEffect(() => {
    return source.request(key, params, (result) => {
      if ('image' in result) {
        drawImage(canvas.current, result.image);
        setState({ key, status: 'ready' });
      } else {
        setState({ key, status: 'failed', error: result.error });
      }
    });
    // params are part of key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, source]);

  const status = state?.key === key ? state.status : 'loading';
  return (
    <span className="material-thumb" data-state={status}>
      <canvas ref={canvas} width={source.pixels} height={source.pixels} aria-hidden="true" />
      {status === 'failed' && (
        <span className="material-thumb-failed" title={state?.error}>
          !
        </span>
      )}
    </span>
  );
}
