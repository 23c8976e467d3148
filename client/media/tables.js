// The table preview (预览年报表格): draws the model of `xxgk/tablesView` as the official grids.
// No dependencies; talks to the extension with postMessage only (client/src/preview.ts).
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const tip = el('div', 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  /** @type {any} */
  let model;
  /** Why the file could not be read (a PDF or Word file's editor, client/src/report-editor.ts). */
  let problem = '';
  let focusedTarget = '';

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const fill = (/** @type {string} */ template, /** @type {unknown} */ value) => String(template || '{0}').replace('{0}', String(value));

  /** The hover's Markdown (paragraphs, `- ` lists, **bold**, backslash escapes) as DOM nodes. */
  function markdown(/** @type {string} */ text) {
    const out = document.createDocumentFragment();
    let list = null;
    for (const block of text.split(/\n{2,}/)) {
      for (const line of block.split('\n')) {
        const item = /^- (.*)$/.exec(line);
        if (item) {
          if (!list) list = out.appendChild(el('ul'));
          list.appendChild(inline(el('li'), item[1]));
        } else {
          list = null;
          if (line.trim()) out.appendChild(inline(el('p'), line));
        }
      }
      list = null;
    }
    return out;
  }

  function inline(/** @type {HTMLElement} */ parent, /** @type {string} */ line) {
    let target = parent;
    let text = '';
    const flush = () => {
      if (text) target.appendChild(document.createTextNode(text));
      text = '';
    };
    for (const m of line.matchAll(/\\(.)|\*\*|[^\\*]+|\*/g)) {
      if (m[1] !== undefined) text += m[1];
      else if (m[0] === '**') {
        flush();
        target = target === parent ? parent.appendChild(el('strong')) : parent;
      } else text += m[0];
    }
    flush();
    return parent;
  }

  function showTip(/** @type {HTMLElement} */ td, /** @type {any} */ cell) {
    tip.replaceChildren();
    for (const m of cell.messages) tip.appendChild(el('p', `finding ${cell.severity || ''}`, m));
    if (cell.hover) tip.appendChild(markdown(cell.hover));
    if (!tip.childNodes.length) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    const r = td.getBoundingClientRect();
    const w = Math.min(520, window.innerWidth - 16);
    tip.style.maxWidth = `${w}px`;
    tip.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - tip.offsetWidth - 8))}px`;
    const below = r.bottom + 4;
    tip.style.top = below + tip.offsetHeight < window.innerHeight ? `${below}px` : `${Math.max(4, r.top - tip.offsetHeight - 4)}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  function cellElement(/** @type {any} */ cell) {
    const blank = cell.state === 'blank' || cell.state === 'missing';
    const classes = ['v'];
    if (cell.severity) classes.push(cell.severity);
    if (cell.culprit) classes.push('culprit');
    if (blank) classes.push('blank');
    if (cell.state === 'invalid' || cell.state === 'placeholder') classes.push('odd');
    const td = el('td', classes.join(' '), cell.text);
    td.dataset.target = cell.target;
    if (blank) td.setAttribute('aria-label', cell.state === 'missing' ? strings.missing : strings.blank);
    if (cell.range) td.tabIndex = 0;
    const reveal = () => {
      if (cell.range) vscode.postMessage({ type: 'reveal', range: cell.range });
    };
    td.addEventListener('mouseenter', () => showTip(td, cell));
    td.addEventListener('mouseleave', hideTip);
    td.addEventListener('focus', () => {
      focusedTarget = cell.target;
      showTip(td, cell);
    });
    td.addEventListener('blur', hideTip);
    td.addEventListener('click', reveal);
    td.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal();
      } else if (e.key === 'Escape') hideTip();
    });
    return td;
  }

  function blockRows(/** @type {HTMLElement} */ table, /** @type {any} */ block) {
    const width = 1 + (block.rows[0] ? block.rows[0].cells.length : 0);
    if (block.caption) {
      const th = el('th', 'caption', block.caption);
      th.colSpan = width;
      table.appendChild(el('tr')).appendChild(th);
    }
    for (const header of block.header) {
      const tr = table.appendChild(el('tr'));
      for (const h of header) {
        const th = tr.appendChild(el('th', '', h.text));
        if (h.colSpan) th.colSpan = h.colSpan;
        if (h.rowSpan) th.rowSpan = h.rowSpan;
      }
    }
    for (const row of block.rows) {
      const tr = table.appendChild(el('tr'));
      const label = tr.appendChild(el('th', 'label', row.label));
      label.scope = 'row';
      if (row.range) label.addEventListener('click', () => vscode.postMessage({ type: 'reveal', range: row.range }));
      for (const cell of row.cells) tr.appendChild(cellElement(cell));
    }
  }

  function render() {
    hideTip();
    app.replaceChildren();
    if (problem) {
      app.appendChild(el('p', 'problem', problem));
      vscode.postMessage({ type: 'rendered', uri: '', version: 0, tables: [], cells: 0, marked: {}, culprits: [], problem });
      return;
    }
    if (!model) {
      app.appendChild(el('p', 'muted', strings.waiting));
      return;
    }
    const head = app.appendChild(el('header'));
    head.appendChild(el('h1', '', [model.organ, model.year].filter((x) => x !== null && x !== undefined).join(' ') || strings.title));
    const facts = [];
    if (model.format) facts.push(fill(strings.format, model.format));
    facts.push(fill(strings.findings, model.findings));
    head.appendChild(el('p', 'muted', facts.join(' · ')));
    if (strings.openText) {
      const open = head.appendChild(el('div', 'toolbar')).appendChild(el('button', '', strings.openText));
      open.addEventListener('click', () => vscode.postMessage({ type: 'openText' }));
    }
    if (!model.tables.length) app.appendChild(el('p', 'muted', strings.empty));
    else app.appendChild(el('p', 'legend muted', strings.legend));
    for (const t of model.tables) {
      const section = app.appendChild(el('section'));
      section.appendChild(el('h2', '', t.title));
      const wrap = section.appendChild(el('div', 'scroll'));
      const table = wrap.appendChild(el('table', `grid ${t.id}`));
      for (const block of t.blocks) blockRows(table, block);
    }
    if (focusedTarget) {
      const again = /** @type {HTMLElement | null} */ (app.querySelector(`td[data-target="${CSS.escape(focusedTarget)}"]`));
      if (again && document.hasFocus()) again.focus({ preventScroll: true });
    }
    const cells = [...app.querySelectorAll('td.v')].map((td) => /** @type {HTMLElement} */ (td));
    /** @type {Record<string, string>} */
    const marked = {};
    for (const td of cells) for (const s of ['error', 'warning', 'information', 'hint']) if (td.classList.contains(s)) marked[td.dataset.target || ''] = s;
    vscode.postMessage({
      type: 'rendered',
      uri: model.uri,
      version: model.version,
      tables: model.tables.map((/** @type {any} */ t) => t.id),
      cells: cells.length,
      marked,
      culprits: cells.filter((td) => td.classList.contains('culprit')).map((td) => td.dataset.target),
    });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'model') {
      // A file that could not be read may be readable once saved again.
      problem = '';
      model = m.model;
      vscode.setState({ model });
      render();
    } else if (m && m.type === 'problem') {
      problem = String(m.message);
      render();
    }
  });
  window.addEventListener('scroll', hideTip, { passive: true });

  const saved = vscode.getState();
  if (saved && saved.model) model = saved.model;
  render();
  vscode.postMessage({ type: 'ready' });
})();
