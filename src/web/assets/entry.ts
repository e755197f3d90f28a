// The data-entry page with JavaScript on (the page works without it: plain form posts).
// - Autosave: the section is saved as a draft (complete=false) 1.5 s after typing stops and when a field loses
//   focus, through the JSON endpoint; the status line says when it was last saved or why it was not.
// - A copy of what was typed is kept in this browser (localStorage) until it is saved, and put back with a notice
//   when the page opens with unsaved typing in it (a closed tab, a crash, a lost line).
// - The live indicator preview (the CEL engine, ~25 KB) is loaded only on pages with indicators, on first typing.
// Bundled by esbuild (src/web/assets.ts); no inline script (CSP).

type Draft = { values: Record<string, string>; at: number; sent?: boolean };
type SaveAnswer = { ok: true; answerVersions: Record<string, number>; savedAt: string } | { ok: false; error: string; errors?: Record<string, string>; conflicts?: { name: string; label: string }[]; message?: string };

(function () {
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  if (!form) return;
  const script = document.currentScript as HTMLScriptElement | null;
  const previewSrc = script?.dataset.previewSrc;
  const url = form.dataset.autosave!;
  const storageKey = `matrathan:draft:${form.dataset.draftKey ?? location.pathname}`;
  const status = document.getElementById('save-status');
  const debounceMs = 1500;
  let timer: number | undefined;
  let inFlight = false;
  let queued = false;
  let edits = 0;
  let sentEdits = 0;

  const say = (text: string, kind: 'ok' | 'busy' | 'problem' = 'ok') => {
    if (!status) return;
    status.textContent = text;
    status.className = `save-status save-status-${kind}`;
  };

  /** The answer inputs as name → value (radios: the checked one; nothing checked: empty). */
  const values = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-answer]'))) {
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        out[el.name] ??= '';
        if (el.checked) out[el.name] = el.value;
      } else {
        out[el.name] = el.value;
      }
    }
    return out;
  };

  const apply = (v: Record<string, string>) => {
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-answer]'))) {
      if (!(el.name in v)) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === v[el.name];
      else el.value = v[el.name]!;
    }
  };

  const readDraft = (): Draft | null => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Draft | null;
    } catch {
      return null;
    }
  };
  const writeDraft = (d: Draft | null) => {
    try {
      if (d) localStorage.setItem(storageKey, JSON.stringify(d));
      else localStorage.removeItem(storageKey);
    } catch {
      // storage full or refused: autosave still works
    }
  };
  const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((k) => !(k in b) || a[k] === b[k]);

  // Unsaved typing from an earlier visit: put it back, say so, offer to throw it away.
  const draft = readDraft();
  if (draft && !draft.sent && !same(draft.values, values())) {
    apply(draft.values);
    const notice = document.createElement('div');
    notice.className = 'notice notice-warning';
    notice.setAttribute('role', 'status');
    const p = document.createElement('p');
    p.textContent = 'มีข้อมูลที่ท่านพิมพ์ไว้ในเครื่องนี้แต่ยังไม่ได้บันทึก ระบบนำกลับมาใส่ในแบบแล้ว — ตรวจแล้วกดบันทึก';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'button button-secondary';
    discard.textContent = 'ไม่ใช้ข้อมูลนี้ (กลับไปใช้ค่าที่บันทึกไว้)';
    discard.addEventListener('click', () => {
      writeDraft(null);
      location.reload();
    });
    notice.append(p, discard);
    form.parentElement?.insertBefore(notice, form);
    say('ยังไม่ได้บันทึก', 'problem');
  } else if (draft) {
    writeDraft(null);
  }

  const updateVersions = (versions: Record<string, number>) => {
    for (const [name, version] of Object.entries(versions)) {
      const input = form.querySelector<HTMLInputElement>(`input[type=hidden][name="_v__${CSS.escape(name)}"]`);
      if (input) input.value = String(version);
    }
  };

  const save = async () => {
    clearTimeout(timer);
    if (submitting) return;
    if (inFlight) {
      queued = true;
      return;
    }
    inFlight = true;
    const startedAt = edits;
    sentEdits = edits;
    say('กำลังบันทึก…', 'busy');
    try {
      const body = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === 'string' && k !== 'action') body.append(k, v);
      const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const answer = (await res.json().catch(() => ({ ok: false, error: 'server' }))) as SaveAnswer;
      if (answer.ok) {
        updateVersions(answer.answerVersions);
        say(`บันทึกแล้ว ${answer.savedAt} น.`);
        if (edits === startedAt) writeDraft(null);
      } else if (res.status === 503 || res.status === 429) {
        // Saturated: nothing was written. Try again when the server says, spread a little so retries do not bunch.
        const wait = Math.min(120, Number(res.headers.get('Retry-After')) || 10) * 1000 * (1 + Math.random() / 2);
        say(`ระบบมีผู้ใช้งานมาก ยังไม่ได้บันทึก — ข้อมูลที่พิมพ์ยังอยู่ในเครื่องนี้ จะลองอีกครั้งใน ${Math.round(wait / 1000)} วินาที`, 'problem');
        timer = window.setTimeout(() => void save(), wait);
      } else if (res.status === 401) {
        say('หมดเวลาเข้าระบบ — ข้อมูลที่พิมพ์ยังอยู่ในเครื่องนี้ กด "บันทึก" แล้วเข้าสู่ระบบอีกครั้ง', 'problem');
      } else if (answer.error === 'invalid') {
        const messages = Object.values(answer.errors ?? {});
        say(`ยังไม่ได้บันทึก — มีช่องที่ต้องแก้ไข ${messages.length} ช่อง: ${messages[0] ?? ''}`, 'problem');
      } else if (answer.error === 'conflict') {
        say(`ยังไม่ได้บันทึก — มีผู้อื่นแก้ไข ${(answer.conflicts ?? []).map((c) => c.label).join(', ')} ระหว่างนี้ กด "บันทึก" เพื่อเลือกค่าที่จะใช้`, 'problem');
      } else if (answer.error === 'locked') {
        say(`ยังไม่ได้บันทึก — ${answer.message ?? 'แก้ไขไม่ได้แล้ว'}`, 'problem');
      } else {
        say('ยังไม่ได้บันทึก — ระบบขัดข้อง ลองกดบันทึกอีกครั้ง', 'problem');
      }
    } catch {
      say('ยังไม่ได้บันทึก — ตรวจการเชื่อมต่อ ระบบจะลองอีกครั้ง', 'problem');
      timer = window.setTimeout(() => void save(), 15_000);
    } finally {
      inFlight = false;
      if (queued) {
        queued = false;
        void save();
      }
    }
  };

  let previewLoaded = false;
  const onEdit = () => {
    edits++;
    writeDraft({ values: values(), at: Date.now() });
    say('ยังไม่ได้บันทึก', 'problem');
    clearTimeout(timer);
    timer = window.setTimeout(() => void save(), debounceMs);
    if (previewSrc && !previewLoaded) {
      previewLoaded = true;
      import(previewSrc).then((m: { startPreview(form: HTMLFormElement): void }) => m.startPreview(form)).catch(() => undefined);
    }
  };
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).matches('[data-answer]')) onEdit();
  });
  let submitting = false;
  form.addEventListener('focusout', (e) => {
    // Focus moving to a save button: the form post saves it; an autosave racing it would only duplicate the work.
    const next = (e as FocusEvent).relatedTarget as HTMLElement | null;
    if (next && next.matches('button[type=submit]') && form.contains(next)) return;
    if (!submitting && (e.target as HTMLElement).matches('[data-answer]') && edits !== sentEdits) void save();
  });
  form.addEventListener('submit', () => {
    submitting = true;
    clearTimeout(timer);
    const d = readDraft();
    if (d) writeDraft({ ...d, sent: true });
  });
})();
