// A subventions CSV in the editor: schema squiggles on the right cells, the detected schema
// in the status bar, and the schema picker.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, wsFile } from './lint.test';

const codeOf = (d: vscode.Diagnostic) => String((d.code as { value: string }).value);

suite('Schema validation in the editor', () => {
  test('SCDL subventions detected; schema errors on the exact cells', async () => {
    const a = await api();
    const uri = wsFile('schema-subventions.csv');
    await vscode.window.showTextDocument(uri);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'french-siret-value'));
    const at = (code: string, line: number) => ds.find((d) => codeOf(d) === code && d.range.start.line === line);
    // Row 2, idAttribuant "21860194600000": the float-zeroed SIRET, characters 18-32.
    const siret = at('french-siret-value', 1)!;
    assert.deepEqual([siret.range.start.character, siret.range.end.character], [18, 32]);
    assert.match(siret.message, /SIRET/);
    // Row 6, montant "100000,1": one squiggle (the schema's type-error), carrying the decimal-point fix.
    const montant = ds.filter((d) => d.range.start.line === 5 && d.range.start.character === 213);
    assert.deepEqual(montant.map(codeOf), ['type-error']);
    assert.ok(ds.some((d) => codeOf(d) === 'constraint-error' && d.range.start.line === 1));
    const doc = (ds[0].code as { target: vscode.Uri }).target;
    assert.ok(doc.path.endsWith('.md'));
    const t0 = Date.now();
    while (!/Subventions/i.test(a.status.schemaItem.text) && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
    assert.match(a.status.schemaItem.text, /Subventions.*2\.1\.1 — 15\/16/);
  });

  test('choosing "no schema" removes the schema diagnostics; automatic brings them back', async () => {
    const uri = wsFile('schema-subventions.csv');
    await vscode.commands.executeCommand('openData.selectSchema', uri, null);
    await diagnosticsWhere(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'french-siret-value'));
    await vscode.commands.executeCommand('openData.selectSchema', uri, 'auto');
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'french-siret-value'));
  });
});

suite('Infer Schema', () => {
  test('writes a Table Schema for the file into a new editor', async () => {
    await api();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('openData.inferSchema', wsFile('lint-basic.csv'));
    assert.ok(doc);
    assert.equal(doc.languageId, 'json');
    assert.equal(doc.isUntitled, true, 'nothing is written until the user saves');
    const schema = JSON.parse(doc.getText());
    assert.deepEqual(
      schema.fields.map((f: { name: string }) => f.name),
      ['nom', 'montant', 'date'],
    );
    assert.equal(schema.fields[1].type, 'integer');
  });
});
