// Small helpers the UI-test library's files share.
export const log = (...a) => console.log(`[ui ${new Date().toISOString().slice(11, 23)}]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
