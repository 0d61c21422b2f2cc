/** Watches every pointer-down on the window for the hidden corner gesture (cornerGesture.ts) that opens technician mode. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { recordTap, type TapHistory } from './cornerGesture';

export interface TechnicianGesture {
  open: boolean;
  close: () => void;
  /** Stable, for listeners that must not act while technician mode is open (scans). */
  isOpen: () => boolean;
}

export function useTechnicianGesture(): TechnicianGesture {
  const [open, setOpen] = useState(false);
  const openRef = useRef(false);
  const history = useRef<TapHistory>([]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (openRef.current) return;
      const outcome = recordTap(history.current, { x: event.clientX, y: event.clientY, time: event.timeStamp });
      history.current = outcome.history;
      if (outcome.opened) {
        openRef.current = true;
        setOpen(true);
      }
    };
    window.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, []);

  const close = useCallback(() => {
    openRef.current = false;
    setOpen(false);
  }, []);
  const isOpen = useCallback(() => openRef.current, []);
  return { open, close, isOpen };
}
