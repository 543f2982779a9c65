// Finds the offset of a key path (`posts.2.text`) in a parsed YAML document, for file:line:col messages.
import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';

/**
 * Offset (into the parsed text) of a key path in a YAML or JSON document: the value's start, or
 * the key's start with `atKey`. Stops at the deepest part that exists, so a message about a
 * missing child still lands on its parent.
 */
export function offsetOfYamlPath(doc: Document, path: readonly (string | number)[], atKey = false): number {
  let node = doc.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === String(part));
      if (!pair) return offset;
      const keyOffset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value as YamlNode | null;
      offset = atKey ? keyOffset : (node?.range?.[0] ?? keyOffset);
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part] as YamlNode | null;
      // A block map inside a list starts at its first key, which is where a reader looks.
      const firstKey = isMap(node) ? (node.items[0]?.key as YamlNode | undefined) : undefined;
      offset = firstKey?.range?.[0] ?? node?.range?.[0] ?? offset;
    } else return offset;
  }
  return offset;
}
