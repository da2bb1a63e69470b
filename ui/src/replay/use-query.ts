import { useEffect, useMemo, useState } from 'preact/hooks';

/** The page address's query (`?tab=heatmap&procedure=…`), re-read on every navigation. */
export function useQuery(): URLSearchParams {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const update = () => setSearch(location.search);
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return useMemo(() => new URLSearchParams(search), [search]);
}
