import type { PageProps } from '../shell/routes';
export default function Page(_props: PageProps) { return <p>TODO</p>; }
