// Chart colours from the VS Code theme (`--vscode-charts-*`), read again whenever the theme
// changes, so the chart is readable in light, dark and high-contrast themes.

export interface Theme {
  palette: string[];
  /** The "others" point: muted, so it does not read as one more category. */
  muted: string;
  foreground: string;
  grid: string;
  background: string;
  font: string;
  /** High-contrast themes outline every bar and slice. */
  border: string | null;
}

const css = (name: string, fallback: string): string => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

export function readTheme(): Theme {
  const hc = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    palette: [
      css('--vscode-charts-blue', '#3794ff'),
      css('--vscode-charts-orange', '#d18616'),
      css('--vscode-charts-green', '#89d185'),
      css('--vscode-charts-purple', '#b180d7'),
      css('--vscode-charts-red', '#f14c4c'),
      css('--vscode-charts-yellow', '#cca700'),
    ],
    muted: css('--vscode-descriptionForeground', '#8b8b8b'),
    foreground: css('--vscode-charts-foreground', css('--vscode-foreground', '#cccccc')),
    grid: css('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    background: css('--vscode-editor-background', '#1e1e1e'),
    font: css('--vscode-font-family', 'sans-serif'),
    border: hc ? css('--vscode-contrastBorder', css('--vscode-foreground', '#ffffff')) : null,
  };
}

/** Calls `onChange` when VS Code switches theme (it sets the body's class and attributes). */
export function watchTheme(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, {
    attributes: true,
    attributeFilter: ['class', 'data-vscode-theme-kind', 'data-vscode-theme-name'],
  });
}
