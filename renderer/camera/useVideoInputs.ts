import { useEffect, useState } from 'react';

/** The cameras the browser lists (labels only once camera permission was granted); none where there is no API. */
export function useVideoInputs(): { deviceId: string; label: string }[] {
  const [cameras, setCameras] = useState<{ deviceId: string; label: string }[]>([]);
  useEffect(() => {
    let mounted = true;
    const devices = navigator.mediaDevices?.enumerateDevices?.();
    devices?.then(
      (list) => {
        if (mounted) setCameras(list.filter((device) => device.kind === 'videoinput' && device.deviceId !== '').map(({ deviceId, label }) => ({ deviceId, label })));
      },
      () => undefined, // no permission or no API: the default camera only
    );
    return () => {
      mounted = false;
    };
  }, []);
  return cameras;
}
