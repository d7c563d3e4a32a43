import { useEffect, useState } from 'react';

/** The time, refreshed every minute: a deadline passing while the screen is open shows as overdue. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
