// Cache entries as compact bytes for Redis. Next's values hold Buffers (RSC
// payloads, route bodies) and Maps (per-segment prefetch data), which JSON alone
// would mangle or inflate (a Buffer becomes an array of numbers). The layout:
//   byte 0      0 = plain, 1 = deflated (entries above COMPRESS_FROM bytes; HTML and RSC shrink ~5×)
//   4 bytes     length of the JSON part (big-endian)
//   JSON        the value, each Buffer replaced by {"\u0000b": [offset, length]}, each Map by {"\u0000m": [[key, value], …]}
//   the rest    the Buffers' bytes, one after another
const zlib = require("node:zlib");

const BUFFER = "\u0000b";
const MAP = "\u0000m";
const COMPRESS_FROM = 2048;

/** @returns {{ bytes: Buffer, size: number }} the stored bytes and the uncompressed size */
function encode(value) {
  const buffers = [];
  let offset = 0;
  const json = JSON.stringify(value, function replace(key, replaced) {
    // JSON.stringify has already applied Buffer#toJSON; `this[key]` is the original value.
    const original = this[key];
    if (Buffer.isBuffer(original) || original instanceof Uint8Array) {
      buffers.push(original);
      offset += original.byteLength;
      return { [BUFFER]: [offset - original.byteLength, original.byteLength] };
    }
    if (original instanceof Map) return { [MAP]: [...original.entries()] };
    return replaced;
  });
  const head = Buffer.from(json ?? "null", "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.byteLength);
  const body = Buffer.concat([length, head, ...buffers]);
  const compress = body.byteLength >= COMPRESS_FROM;
  const payload = compress ? zlib.deflateRawSync(body, { level: 1 }) : body;
  return { bytes: Buffer.concat([Buffer.from([compress ? 1 : 0]), payload]), size: body.byteLength };
}

/** @returns {{ value: unknown, size: number }} the value and its uncompressed size */
function decode(bytes) {
  const body = bytes[0] === 1 ? zlib.inflateRawSync(bytes.subarray(1)) : bytes.subarray(1);
  const headLength = body.readUInt32BE(0);
  const tail = body.subarray(4 + headLength);
  const value = JSON.parse(body.toString("utf8", 4, 4 + headLength), (key, item) => {
    if (item && typeof item === "object" && !Array.isArray(item)) {
      if (BUFFER in item) {
        const [start, length] = item[BUFFER];
        return Buffer.from(tail.subarray(start, start + length));
      }
      if (MAP in item) return new Map(item[MAP]);
    }
    return item;
  });
  return { value, size: body.byteLength };
}

module.exports = { encode, decode };
