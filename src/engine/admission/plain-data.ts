/**
 * Whether a value is plain JSON-like data: objects with the ordinary prototype, arrays, and
 * strings, numbers, booleans, null or undefined. Copies made by `cloneObject` (store/clone.ts) are
 * plain unless what was copied held a function, a symbol, a bigint or an own `__proto__` key;
 * for plain data, shortcuts on the write path (sharing instead of copying again, marshalling
 * without a JSON round trip first) give exactly what the long way gives.
 */
export function isPlainData(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!isPlainData(value[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!isPlainData((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}
