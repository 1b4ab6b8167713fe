// A stub language pack for ODW_TEST_LOCALE: code-server only gives the extension host a display
// language (vscode.env.language, and so the extension's l10n/bundle.l10n.<lang>.json) when a
// language pack for it is installed, and the Marketplace's packs cannot be fetched here. The stub
// translates none of VS Code's own strings (the workbench stays in English): it only makes the
// locale a known one, which is all the extension's own French needs.
//
// usage: node locale-pack.mjs <locale> <out.vsix>                      write the pack
//        node locale-pack.mjs --register <locale> <user-data-dir> <ext-dir>  after installing it
// --register writes <user-data-dir>/languagepacks.json, the cache code-server reads when it serves
// the workbench: installing from the CLI does not write it, and the server writes it only later.
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const LOCALE = /^[a-z]{2}(-[a-z]{2})?$/;
if (process.argv[2] === '--register') {
  const [locale, userData, extDir] = process.argv.slice(3);
  const id = `odw-test.odw-test-language-pack-${locale}`;
  const main = join(extDir, `${id}-0.0.1`, 'main.i18n.json');
  if (!LOCALE.test(locale ?? '') || !userData || !existsSync(main)) {
    console.error(`usage: node locale-pack.mjs --register <locale> <user-data-dir> <ext-dir> (installed pack: ${main})`);
    process.exit(2);
  }
  const pack = {
    hash: `odw-test-${locale}-1`,
    extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
    translations: { vscode: main },
    label: locale,
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
  process.exit(0);
}

const [locale, out] = process.argv.slice(2);
if (!LOCALE.test(locale ?? '') || !out) {
  console.error('usage: node locale-pack.mjs <locale> <out.vsix>');
  process.exit(2);
}
// yazl comes with @vscode/vsce (a devDependency), which packs the extension itself with it.
const yazl = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'))('yazl');
const name = `odw-test-language-pack-${locale}`;
const manifest = {
  name,
  displayName: `Test language pack (${locale})`,
  publisher: 'odw-test',
  version: '0.0.1',
  engines: { vscode: '*' },
  categories: ['Language Packs'],
  contributes: {
    localizations: [
      {
        languageId: locale,
        languageName: locale,
        localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './main.i18n.json' }],
      },
    ],
  },
};
const vsixManifest = `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata><Identity Language="en-US" Id="${name}" Version="0.0.1" Publisher="odw-test" /><DisplayName>${manifest.displayName}</DisplayName><Description xml:space="preserve">stub</Description><Categories>Language Packs</Categories></Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>
`;
const zip = new yazl.ZipFile();
zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'extension/package.json');
zip.addBuffer(Buffer.from(JSON.stringify({ version: '1.0.0', contents: {} })), 'extension/main.i18n.json');
zip.addBuffer(Buffer.from(vsixManifest), 'extension.vsixmanifest');
zip.addBuffer(
  Buffer.from(
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>',
  ),
  '[Content_Types].xml',
);
zip.outputStream.pipe(createWriteStream(out)).on('close', () => console.log(out));
zip.end();
