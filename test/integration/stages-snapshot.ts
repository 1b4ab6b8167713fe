// The Stages tree as plain data, for assertions: read through the TreeDataProvider the extension
// shows (test probes, ExtensionMode.Test), as the tree view itself reads it.
import * as vscode from 'vscode';
import { api } from './lint.test';

export interface SnapshotNode {
  label: string;
  description?: string;
  checked?: boolean;
  contextValue?: string;
  children?: SnapshotNode[];
}

async function snapshotOf(tree: vscode.TreeDataProvider<unknown>, nodes: readonly unknown[]): Promise<SnapshotNode[]> {
  const out: SnapshotNode[] = [];
  for (const n of nodes) {
    const i = await tree.getTreeItem(n);
    const label = typeof i.label === 'string' ? i.label : (i.label?.label ?? '');
    const kids = (await tree.getChildren(n)) ?? [];
    const checked =
      i.checkboxState === undefined
        ? undefined
        : (typeof i.checkboxState === 'object' ? i.checkboxState.state : i.checkboxState) === vscode.TreeItemCheckboxState.Checked;
    out.push({
      label,
      ...(typeof i.description === 'string' ? { description: i.description } : {}),
      ...(checked !== undefined ? { checked } : {}),
      ...(i.contextValue ? { contextValue: i.contextValue } : {}),
      ...(kids.length ? { children: await snapshotOf(tree, kids) } : {}),
    });
  }
  return out;
}

/** The whole Stages tree, once its first load is over. */
export async function stagesSnapshot(): Promise<SnapshotNode[]> {
  const tree = await (await api()).stages();
  return snapshotOf(tree, (await tree.getChildren()) ?? []);
}
