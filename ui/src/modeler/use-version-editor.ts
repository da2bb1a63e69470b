import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Finding } from '../app/api';
import { useLoad } from '../app/ui';
import type { Modeler } from './create-modeler';
import { t } from './messages';
import type { Version } from './types';
import { downloadXml, versionsApi } from './versions-api';

export interface Opened {
  version: Version;
  xml: string;
  /** A new number each time a diagram is opened (the modeler imports it again). */
  key: number;
}

/** A procedure's versions and the one open in the editor, with what the modeler can do to it. */
export function useVersionEditor(code: string) {
  const versions = useLoad(() => versionsApi.list(code), [code]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [serverFindings, setServerFindings] = useState<Finding[]>([]);
  const [dirty, setDirty] = useState(false);
  const modeler = useRef<Modeler | null>(null);
  const openings = useRef(0);

  const show = async (n: number) => {
    const [version, xml] = await Promise.all([versionsApi.get(code, n), versionsApi.xml(code, n)]);
    setOpened({ version, xml, key: ++openings.current });
    setServerFindings(version.findings);
    setDirty(false);
  };

  const run = async (work: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice(done);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.findings.length > 0) setServerFindings(err.findings);
    } finally {
      setBusy(false);
    }
  };

  // First visit: the latest draft, else the version in force, else the last one.
  useEffect(() => {
    const list = versions.data;
    if (!list || opened) return;
    const first =
      [...list].reverse().find((v) => v.status === 'draft') ?? list.find((v) => v.inForce) ?? list[list.length - 1];
    if (first) void run(() => show(first.number));
  }, [versions.data]);

  const currentXml = async () =>
    modeler.current ? ((await modeler.current.saveXML({ format: true })).xml ?? '') : (opened?.xml ?? '');

  const save = async (n: number) => {
    const version = await versionsApi.save(code, n, await currentXml());
    setOpened((o) => o && { ...o, version });
    setServerFindings(version.findings);
    setDirty(false);
    return version;
  };

  const created = async (version: Version) => {
    versions.reload();
    await show(version.number);
    return t('created', { n: version.number });
  };

  const inForce = versions.data?.find((v) => v.inForce) ?? null;
  return {
    versions,
    opened,
    busy,
    error,
    notice,
    serverFindings,
    dirty,
    inForce,
    attach: (m: Modeler | null) => (modeler.current = m),
    changed: () => setDirty(true),
    failed: setError,
    open: (n: number) => run(() => (dirty && !confirm(t('discard')) ? Promise.resolve() : show(n))),
    createDraft: () =>
      run(async () => created(await versionsApi.create(code, await versionsApi.xml(code, inForce!.number)))),
    upload: (file: File) => run(async () => created(await versionsApi.upload(code, file))),
    download: () => run(async () => downloadXml(`${code}-v${opened!.version.number}.bpmn`, await currentXml())),
    save: () =>
      run(async () => {
        const version = await save(opened!.version.number);
        versions.reload();
        return t('saved', { n: version.number });
      }),
    submit: () =>
      run(async () => {
        const n = opened!.version.number;
        if (dirty) await save(n);
        await versionsApi.submit(code, n);
        versions.reload();
        await show(n);
        return t('submitted', { n });
      }),
  };
}

export type VersionEditor = ReturnType<typeof useVersionEditor>;
