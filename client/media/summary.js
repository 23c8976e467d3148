// The workspace summary (汇总本工作区的年度报告): a sortable table, one row per report.
// No dependencies; talks to the extension with postMessage only (client/src/summary-view.ts).
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */
  let result;
  /** @type {{ key: string, dir: 1 | -1 } | undefined} */
  let sort;
  const collator = new Intl.Collator(document.documentElement.lang || 'zh-CN', { numeric: true });

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** What a cell shows: the file's path, the status in words, '-' for a figure the report does not give. */
  function shown(/** @type {any} */ row, /** @type {any} */ c) {
    if (c.key === 'file') return row.path;
    if (c.key === 'status') return row.statusName;
    const v = row[c.key];
    return v === null || v === undefined ? (c.numeric ? '-' : '') : String(v);
  }

  function sorted() {
    const rows = [...result.rows];
    if (!sort) return rows;
    const c = result.columns.find((/** @type {any} */ x) => x.key === sort.key);
    return rows.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      // Reports without the figure go last in either direction.
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      return sort.dir * (c.numeric ? x - y : collator.compare(shown(a, c), shown(b, c)));
    });
  }

  function render() {
    app.replaceChildren();
    app.appendChild(el('h1', '', strings.title));
    const bar = app.appendChild(el('div', 'toolbar'));
    const exportButton = bar.appendChild(el('button', '', strings.exportCsv));
    exportButton.id = 'export-csv';
    exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
    const refresh = bar.appendChild(el('button', 'secondary', strings.refresh));
    refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
    if (!result) {
      app.appendChild(el('p', 'muted', strings.waiting));
      return;
    }
    if (!result.rows.length) {
      app.appendChild(el('p', 'muted', strings.none));
      return;
    }
    app.appendChild(el('p', 'muted', `${String(strings.count).replace('{0}', result.rows.length)} · ${strings.hint}`));
    const table = app.appendChild(el('div', 'scroll')).appendChild(el('table', 'summary'));
    const headRow = table.appendChild(el('thead')).appendChild(el('tr'));
    for (const c of result.columns) {
      const th = headRow.appendChild(el('th', '', c.title));
      th.tabIndex = 0;
      th.dataset.key = c.key;
      if (sort && sort.key === c.key) th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
      const toggle = () => {
        sort = sort && sort.key === c.key ? { key: c.key, dir: sort.dir === 1 ? -1 : 1 } : { key: c.key, dir: c.numeric ? -1 : 1 };
        render();
      };
      th.addEventListener('click', toggle);
      th.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') toggle();
      });
    }
    const body = table.appendChild(el('tbody'));
    for (const row of sorted()) {
      const tr = body.appendChild(el('tr'));
      tr.tabIndex = 0;
      tr.dataset.file = row.file;
      for (const c of result.columns) {
        const td = tr.appendChild(el('td', c.numeric ? 'n' : `col-${c.key}`, shown(row, c)));
        if (c.key === 'status') td.classList.add(`status-${row.status}`);
      }
      const open = () => vscode.postMessage({ type: 'open', file: row.file });
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
    }
    const foot = table.appendChild(el('tfoot')).appendChild(el('tr'));
    for (const c of result.columns) {
      let text = '';
      if (c.key === 'file') text = strings.total;
      else if (c.numeric) {
        const values = result.rows.map((/** @type {any} */ r) => r[c.key]).filter((/** @type {unknown} */ v) => typeof v === 'number');
        text = values.length ? String(values.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0)) : '';
      }
      foot.appendChild(el('td', c.numeric ? 'n' : '', text));
    }
    vscode.postMessage({ type: 'rendered', rows: result.rows.length });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'summary') {
      result = m.result;
      vscode.setState({ result });
      render();
    }
  });

  const saved = vscode.getState();
  if (saved && saved.result) result = saved.result;
  render();
  vscode.postMessage({ type: 'ready' });
})();
