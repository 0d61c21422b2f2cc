/**
 * A camera session for as long as the component using it is mounted (and its settings unchanged): started on mount,
 * stopped on unmount, so leaving the screen, the idle reset and an error screen all release the camera.
 */
import { useEffect, useRef, useState } from 'react';
import type { CameraSettings } from '../../shared/contract/camera';
import { playReadBeep } from './readFeedback';
import { browserCameraEnvironment, startCameraSession, type CameraEnvironment, type CameraProblem } from './cameraSession';

export type CameraState = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'problem'; problem: CameraProblem };

/** How long the guide frame shows a read. */
const READ_FLASH_MS = 600;

export interface CameraScanner {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  state: CameraState;
  /** True for a moment after each read, for the visual feedback. */
  justRead: boolean;
}

export function useCameraScanner({
  settings,
  onText,
  environment = browserCameraEnvironment,
  paused = false,
}: {
  settings: CameraSettings;
  /** Every text read, repeats included (the caller decides what is a new scan). */
  onText: (text: string) => void;
  environment?: CameraEnvironment;
  /** The camera off (a read is being looked up); a read's feedback stays shown meanwhile. */
  paused?: boolean;
}): CameraScanner {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [justRead, setJustRead] = useState(false);
  // The latest callback without restarting the camera each render.
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || paused) return;
    setState({ kind: 'starting' });
    let flashTimer: ReturnType<typeof setTimeout> | null = null;
    const stop = startCameraSession({
      video,
      settings,
      environment,
      onScanning: () => setState({ kind: 'scanning' }),
      onProblem: (problem) => setState({ kind: 'problem', problem }),
      onRead: (text) => {
        playReadBeep();
        setJustRead(true);
        if (flashTimer !== null) clearTimeout(flashTimer);
        flashTimer = setTimeout(() => setJustRead(false), READ_FLASH_MS);
        onTextRef.current(text);
      },
    });
    return () => {
      stop();
      if (flashTimer !== null) clearTimeout(flashTimer);
    };
  }, [settings, environment, paused]);

  return { videoRef, state, justRead };
}
