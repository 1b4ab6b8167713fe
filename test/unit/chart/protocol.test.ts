import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, parseChartConfig } from '../../../src/core/chart/config';
import { isToWebview, parseChartState, parseFromWebview } from '../../../src/protocol/chart';
import { chartOf } from './helpers';

const config = { ...DEFAULT_CONFIG, category: 'nom', value: 'montant', aggregation: 'sum' as const };
const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('the host accepts the webview’s four messages', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'config', config }), { type: 'config', config });
  assert.deepEqual(parseFromWebview({ type: 'save', config }), { type: 'save', config });
  assert.deepEqual(parseFromWebview({ type: 'export-png', dataUrl: png }), { type: 'export-png', dataUrl: png });
});

test('the host refuses anything else', () => {
  for (const bad of [
    null,
    'ready',
    [],
    { type: 'run', command: 'rm -rf' },
    { type: 'config' },
    { type: 'config', config: { ...config, type: 'radar' } },
    { type: 'config', config: { ...config, aggregation: 'median' } },
    { type: 'config', config: { ...config, category: 42 } },
    { type: 'save', config: { ...config, topN: 'all' } },
    { type: 'export-png', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
    { type: 'export-png', dataUrl: 'data:image/png;base64,<script>' },
    { type: 'export-png', dataUrl: 42 },
  ])
    assert.equal(parseFromWebview(bad), null, JSON.stringify(bad));
});

test('a config drops unknown keys, takes defaults and clamps top-N', () => {
  const parsed = parseChartConfig({ type: 'bar', category: 'a', value: null, aggregation: 'count', topN: 1e9, evil: '<img>' });
  assert.deepEqual(parsed, {
    type: 'bar',
    category: 'a',
    value: null,
    aggregation: 'count',
    topN: 999,
    sort: 'value-desc',
    dateBucket: 'none',
  });
  assert.equal(parseChartConfig({ ...config, topN: Number.NaN }), null);
  assert.equal(parseChartConfig({ ...config, topN: 0 })!.topN, 1);
});

test('the webview checks the host’s messages', async () => {
  const result = await chartOf('nom,montant\na,1\n', config);
  const view = { source: 'file:///x.csv', title: 'x.csv', locale: 'fr', result, strings: {} };
  assert.ok(isToWebview({ type: 'show', view }));
  assert.ok(isToWebview({ type: 'busy' }));
  assert.ok(isToWebview({ type: 'problem', message: 'unreadable' }));
  assert.ok(!isToWebview({ type: 'show', view: { ...view, result: { ...result, config: null } } }));
  assert.ok(!isToWebview({ type: 'show' }));
  assert.ok(!isToWebview({ type: 'problem' }));
});

test('the saved webview state revives a panel, or nothing', () => {
  assert.deepEqual(parseChartState({ source: 'file:///x.csv', config, view: null }), { source: 'file:///x.csv', config, view: null });
  assert.deepEqual(parseChartState({ source: 'file:///x.csv', config: 'junk', view: { nope: 1 } }), {
    source: 'file:///x.csv',
    config: null,
    view: null,
  });
  assert.equal(parseChartState(undefined), null);
  assert.equal(parseChartState({ source: '' }), null);
});

test('the PNG asked for a reuse: the answer is checked like export-png, the request carries its id', () => {
  assert.deepEqual(parseFromWebview({ type: 'png', id: 3, dataUrl: png }), { type: 'png', id: 3, dataUrl: png });
  assert.deepEqual(parseFromWebview({ type: 'png', id: 4, dataUrl: null }), { type: 'png', id: 4, dataUrl: null });
  for (const bad of [
    { type: 'png', dataUrl: png },
    { type: 'png', id: '3', dataUrl: png },
    { type: 'png', id: 1.5, dataUrl: png },
    { type: 'png', id: 3, dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
  ]) {
    assert.equal(parseFromWebview(bad), null, JSON.stringify(bad));
  }
  assert.ok(isToWebview({ type: 'png-request', id: 1 }));
  assert.ok(!isToWebview({ type: 'png-request' }));
});
