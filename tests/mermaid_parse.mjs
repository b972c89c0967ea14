// Parse mermaid text (argv[2]) with mermaid's own parser; exit 0 if it accepts it.
// mermaid needs a DOM for DOMPurify even to parse, so jsdom provides one.
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
try {
  const result = await mermaid.parse(process.argv[2]);
  console.log(result.diagramType);
} catch (error) {
  console.log(String(error.message).split('\n').join(' | '));
  process.exit(1);
}
