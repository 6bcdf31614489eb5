import { useState } from 'react';
import type { ProductImage } from '../../api/generated';

/** Where a product has no picture: a neutral placeholder, so every card and page keeps its layout. */
export function PlaceholderPicture({ name }: { name: string }) {
  return (
    <div className="picture-placeholder" role="img" aria-label={`No picture of ${name}`}>
      <svg viewBox="0 0 64 48" width="100%" height="100%" aria-hidden="true" focusable="false">
        <rect width="64" height="48" fill="#eee" />
        <path d="M8 40 L24 22 L34 32 L42 26 L56 40 Z" fill="#ccc" />
        <circle cx="46" cy="14" r="5" fill="#ccc" />
      </svg>
    </div>
  );
}

/** A product's images: the chosen one large, the others as buttons to choose it; a placeholder when there are none. */
export function Gallery({ images, name }: { images: ProductImage[]; name: string }) {
  const [shown, setShown] = useState(0);
  if (images.length === 0) return <PlaceholderPicture name={name} />;
  const current = images[Math.min(shown, images.length - 1)];
  return (
    <div className="gallery">
      <img src={current.url} alt={current.alt ?? name} />
      {images.length > 1 ? (
        <ul className="thumbnails" aria-label="Pictures">
          {images.map((image, i) => (
            <li key={`${image.url}-${i}`}>
              <button type="button" aria-pressed={i === shown} aria-label={`Picture ${i + 1} of ${images.length}`}
                onClick={() => setShown(i)}>
                <img src={image.url} alt="" width={56} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
