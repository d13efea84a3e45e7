import { type DragEvent, type ReactNode, useId, useState } from 'react';
import { useLang } from '../i18n/lang';

/**
 * Where a file comes in: dropped on the zone, or chosen with the (visible, focusable) file input.
 */
export function FileDrop({ accept, label, onFile, children }: { accept: string; label: string; onFile: (file: File) => void; children?: ReactNode }) {
  const { t } = useLang();
  const [over, setOver] = useState(false);
  const id = useId();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // Dropping is a shortcut for the mouse; the file input inside is the way in for keyboard and screen readers.
    // biome-ignore lint/a11y/noStaticElementInteractions: drag and drop has no keyboard equivalent; the input is one
    <div
      className={over ? 'drop over' : 'drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>{t('file.drop')}</p>
      {/* The native input stays focusable and announced; its label is the visible button. */}
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} className="file-label">
        {label}
      </label>
      {children}
    </div>
  );
}
