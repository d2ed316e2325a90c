// TextEncoder and TextDecoder, checked against the WHATWG Encoding standard's algorithms and tables.
import { test, assert } from './harness.js';

const FFFD = '\uFFFD';
const bytes = (...b) => new Uint8Array(b);
const dec = (label, b, opts) => new TextDecoder(label, opts).decode(b instanceof Uint8Array ? b : new Uint8Array(b));
const codes = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(' ');

// ---- labels

// The standard's label table for the encodings this runtime decodes.
const LABELS = {
  'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'],
  'ibm866': ['866', 'cp866', 'csibm866', 'ibm866'],
  'iso-8859-2': ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2', 'iso_8859-2:1987', 'l2', 'latin2'],
  'iso-8859-3': ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3', 'iso_8859-3:1988', 'l3', 'latin3'],
  'iso-8859-4': ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4', 'iso_8859-4:1988', 'l4', 'latin4'],
  'iso-8859-5': ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595', 'iso_8859-5', 'iso_8859-5:1988'],
  'iso-8859-6': ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114', 'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987'],
  'iso-8859-7': ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek'],
  'iso-8859-8': ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual'],
  'iso-8859-8-i': ['csiso88598i', 'iso-8859-8-i', 'logical'],
  'iso-8859-10': ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6'],
  'iso-8859-13': ['iso-8859-13', 'iso8859-13', 'iso885913'],
  'iso-8859-14': ['iso-8859-14', 'iso8859-14', 'iso885914'],
  'iso-8859-15': ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'],
  'iso-8859-16': ['iso-8859-16'],
  'koi8-r': ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'],
  'koi8-u': ['koi8-ru', 'koi8-u'],
  'macintosh': ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'],
  'windows-874': ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874'],
  'windows-1250': ['cp1250', 'windows-1250', 'x-cp1250'],
  'windows-1251': ['cp1251', 'windows-1251', 'x-cp1251'],
  'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252'],
  'windows-1253': ['cp1253', 'windows-1253', 'x-cp1253'],
  'windows-1254': ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254'],
  'windows-1255': ['cp1255', 'windows-1255', 'x-cp1255'],
  'windows-1256': ['cp1256', 'windows-1256', 'x-cp1256'],
  'windows-1257': ['cp1257', 'windows-1257', 'x-cp1257'],
  'windows-1258': ['cp1258', 'windows-1258', 'x-cp1258'],
  'x-mac-cyrillic': ['x-mac-cyrillic', 'x-mac-ukrainian'],
  'utf-16be': ['unicodefffe', 'utf-16be'],
  'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'],
  'x-user-defined': ['x-user-defined'],
};
// Labels of encodings without a decoder here (legacy multi-byte) or that TextDecoder refuses (replacement).
const UNSUPPORTED = ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk', 'gb18030', 'big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5', 'cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp', 'csiso2022jp', 'iso-2022-jp', 'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis', 'cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949', 'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement'];

test('labels: every label of the standard maps to its encoding name', () => {
  let count = 0;
  for (const [name, labels] of Object.entries(LABELS)) {
    for (const label of labels) {
      assert.equal(new TextDecoder(label).encoding, name, label);
      assert.equal(new TextDecoder(label.toUpperCase()).encoding, name, label.toUpperCase());
      count++;
    }
  }
  assert.equal(count, 184, 'label count');
});

test('labels: ASCII whitespace around a label is ignored, other whitespace is not', () => {
  for (const ws of ['\t', '\n', '\f', '\r', ' ']) {
    assert.equal(new TextDecoder(ws + 'latin1' + ws).encoding, 'windows-1252', codes(ws));
  }
  assert.equal(new TextDecoder(' \t\n\f\rUTF-16\r\n').encoding, 'utf-16le');
  for (const ws of ['\u000b', '\u00a0', '\u2028', '\ufeff', '\u3000']) {
    assert.throws(() => new TextDecoder(ws + 'utf-8'), RangeError, codes(ws));
  }
  assert.throws(() => new TextDecoder('utf -8'), RangeError);
  assert.throws(() => new TextDecoder('\u0000utf-8'), RangeError);
  assert.throws(() => new TextDecoder('utf-8\u0000'), RangeError);
});

test('labels: only ASCII letters are lowercased', () => {
  // U+212A KELVIN SIGN lowercases to "k" in Unicode, but labels are matched after ASCII lowercasing.
  assert.throws(() => new TextDecoder('\u212Aoi8-r'), RangeError);
  assert.throws(() => new TextDecoder('\u0130so-8859-2'), RangeError);   // İ
  assert.equal(new TextDecoder('KOI8-R').encoding, 'koi8-r');
});

test('labels: unknown labels throw a RangeError with Chrome\'s message', () => {
  const e = assert.throws(() => new TextDecoder('x'), RangeError);
  assert.equal(e.message, "Failed to construct 'TextDecoder': The encoding label provided ('x') is invalid.");
  const e2 = assert.throws(() => new TextDecoder(' bogus '), RangeError);
  assert.equal(e2.message, "Failed to construct 'TextDecoder': The encoding label provided (' bogus ') is invalid.");
  for (const label of ['', 'utf-7', 'utf-32', 'utf8 ', 'iso-8859-9-i', 'null', 'undefined', 'x-mac-roman2']) {
    if (label === 'utf8 ') continue;   // trailing whitespace is trimmed: valid
    assert.throws(() => new TextDecoder(label), RangeError, label);
  }
  assert.throws(() => new TextDecoder(null), RangeError);   // "null"
});

test('labels: replacement and the legacy multi-byte encodings throw a RangeError', () => {
  for (const label of UNSUPPORTED) assert.throws(() => new TextDecoder(label), RangeError, label);
});

test('labels: the default and undefined label are utf-8', () => {
  assert.equal(new TextDecoder().encoding, 'utf-8');
  assert.equal(new TextDecoder(undefined).encoding, 'utf-8');
  assert.equal(new TextDecoder(undefined, { fatal: true }).fatal, true);
});

// ---- single-byte encodings

// name, FNV-1a (32-bit) of the 256 code units decoded from bytes 0x00-0xFF (U+FFFD where the
// index has no code point), count of bytes the index leaves unmapped, and some entries of the
// standard's index tables (index-<name>.txt), including every place where the JDK's charsets differ.
const SINGLE_BYTE = [
  ['ibm866', 0xc94f511d, 0, { 0x80: 0x0410, 0xA4: 0x0434, 0xC8: 0x255A, 0xFF: 0x00A0 }],
  ['iso-8859-2', 0x070d570e, 0, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0x010C, 0xFF: 0x02D9 }],
  ['iso-8859-3', 0xdaefe744, 7, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0x00C8, 0xFF: 0x02D9 }],
  ['iso-8859-4', 0xa6feef21, 0, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0x010C, 0xFF: 0x02D9 }],
  ['iso-8859-5', 0x258d6261, 0, { 0x80: 0x0080, 0xA4: 0x0404, 0xC8: 0x0428, 0xFF: 0x045F }],
  ['iso-8859-6', 0x98e099f9, 45, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0x0628, 0xFF: 0xFFFD }],
  ['iso-8859-7', 0xa1869e7f, 3, { 0x80: 0x0080, 0xA4: 0x20AC, 0xC8: 0x0398, 0xFF: 0xFFFD }],
  ['iso-8859-8', 0xf4599334, 36, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0xFFFD, 0xFF: 0xFFFD }],
  ['iso-8859-8-i', 0xf4599334, 36, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0xFFFD, 0xFF: 0xFFFD }],
  ['iso-8859-10', 0xab9bc02e, 0, { 0x80: 0x0080, 0xA4: 0x012A, 0xBD: 0x2015, 0xC8: 0x010C, 0xFF: 0x0138 }],
  ['iso-8859-13', 0xd20e6e4c, 0, { 0x80: 0x0080, 0xA4: 0x00A4, 0xC8: 0x010C, 0xFF: 0x2019 }],
  ['iso-8859-14', 0x4529d464, 0, { 0x80: 0x0080, 0xA1: 0x1E02, 0xA4: 0x010A, 0xC8: 0x00C8, 0xFE: 0x0177, 0xFF: 0x00FF }],
  ['iso-8859-15', 0x25cb4d27, 0, { 0x80: 0x0080, 0xA4: 0x20AC, 0xC8: 0x00C8, 0xFF: 0x00FF }],
  ['iso-8859-16', 0xd9e65a4b, 0, { 0x80: 0x0080, 0xA4: 0x20AC, 0xC8: 0x00C8, 0xFF: 0x00FF }],
  ['koi8-r', 0x415e04a9, 0, { 0x80: 0x2500, 0xA4: 0x2553, 0xC8: 0x0445, 0xFF: 0x042A }],
  ['koi8-u', 0x6f861d47, 0, { 0x80: 0x2500, 0xA4: 0x0454, 0xAE: 0x045E, 0xBE: 0x040E, 0xC8: 0x0445, 0xFF: 0x042A }],
  ['macintosh', 0x270d7788, 0, { 0x80: 0x00C4, 0xA4: 0x00A7, 0xC8: 0x00BB, 0xFF: 0x02C7 }],
  ['windows-874', 0x751240d1, 8, { 0x80: 0x20AC, 0x81: 0x0081, 0xA4: 0x0E04, 0xC8: 0x0E28, 0xDB: 0xFFFD, 0xFF: 0xFFFD }],
  ['windows-1250', 0x46c01ba5, 0, { 0x80: 0x20AC, 0x81: 0x0081, 0x98: 0x0098, 0xA4: 0x00A4, 0xC8: 0x010C, 0xFF: 0x02D9 }],
  ['windows-1251', 0x865aeb5d, 0, { 0x80: 0x0402, 0xA4: 0x00A4, 0xC8: 0x0418, 0xFF: 0x044F }],
  ['windows-1252', 0x1f0fb4af, 0, { 0x80: 0x20AC, 0x81: 0x0081, 0x8D: 0x008D, 0x8F: 0x008F, 0x90: 0x0090, 0x9D: 0x009D, 0xA4: 0x00A4, 0xC8: 0x00C8, 0xFF: 0x00FF }],
  ['windows-1253', 0x3f2fcaeb, 3, { 0x80: 0x20AC, 0xA4: 0x00A4, 0xAA: 0xFFFD, 0xC8: 0x0398, 0xFF: 0xFFFD }],
  ['windows-1254', 0x73ac6d07, 0, { 0x80: 0x20AC, 0xA4: 0x00A4, 0xC8: 0x00C8, 0xFF: 0x00FF }],
  ['windows-1255', 0x8c95c90f, 10, { 0x80: 0x20AC, 0xA4: 0x20AA, 0xC8: 0x05B8, 0xCA: 0x05BA, 0xFF: 0xFFFD }],
  ['windows-1256', 0x84f9ea20, 0, { 0x80: 0x20AC, 0xA4: 0x00A4, 0xC8: 0x0628, 0xFF: 0x06D2 }],
  ['windows-1257', 0x7d2cd804, 2, { 0x80: 0x20AC, 0xA4: 0x00A4, 0xC8: 0x010C, 0xFF: 0x02D9 }],
  ['windows-1258', 0x2b601276, 0, { 0x80: 0x20AC, 0xA4: 0x00A4, 0xC8: 0x00C8, 0xFF: 0x00FF }],
  ['x-mac-cyrillic', 0x0bfedee2, 0, { 0x80: 0x0410, 0xA2: 0x0490, 0xA4: 0x00A7, 0xB6: 0x0491, 0xC8: 0x00BB, 0xFF: 0x20AC }],
  ['x-user-defined', 0xc51d92c5, 0, { 0x80: 0xF780, 0xA4: 0xF7A4, 0xC8: 0xF7C8, 0xFF: 0xF7FF }],
];

function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  return h;
}
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

test('single-byte: decoding all 256 bytes gives the standard\'s index table', () => {
  for (const [name, hash, , known] of SINGLE_BYTE) {
    const s = dec(name, ALL_BYTES);
    assert.equal(s.length, 256, name);
    for (let b = 0; b < 0x80; b++) assert.equal(s.charCodeAt(b), b, name + ' ASCII byte ' + b);
    for (const [b, cp] of Object.entries(known)) {
      assert.equal(s.charCodeAt(+b).toString(16), cp.toString(16), `${name} byte 0x${(+b).toString(16)}`);
    }
    assert.equal(fnv(s).toString(16), hash.toString(16), name + ' table digest');
  }
});

test('single-byte: fatal mode throws exactly for the bytes the index leaves unmapped', () => {
  for (const [name, , unmapped] of SINGLE_BYTE) {
    const d = new TextDecoder(name, { fatal: true });
    let errors = 0;
    for (let b = 0; b < 256; b++) {
      try {
        const s = d.decode(bytes(b));
        assert.equal(s.length, 1);
        assert.notEqual(s, FFFD);
      } catch (e) {
        assert.ok(e instanceof TypeError, name);
        errors++;
      }
    }
    assert.equal(errors, unmapped, name + ' unmapped bytes');
    if (unmapped > 0) assert.throws(() => d.decode(ALL_BYTES), TypeError);
    else assert.equal(d.decode(ALL_BYTES), dec(name, ALL_BYTES));
  }
});

test('single-byte: JDK differences are corrected as the standard says', () => {
  assert.equal(dec('koi8-u', [0xae, 0xbe]), '\u045e\u040e');
  assert.equal(dec('x-mac-ukrainian', [0xa2, 0xb6, 0xff]), '\u0490\u0491\u20ac');
  assert.equal(dec('windows-1255', [0xca]), '\u05ba');
  assert.equal(dec('cp1252', [0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x9f]), '\u20ac\u0081\u008d\u008f\u0090\u009d\u0178');
  assert.equal(dec('tis-620', [0x81, 0x85, 0x91]), '\u0081\u2026\u2018');
  assert.equal(dec('latin6', [0xbd, 0xff]), '\u2015\u0138');   // ISO-8859-10, not in the JDK
  assert.equal(dec('iso885914', [0xa1, 0xfe]), '\u1e02\u0177');   // ISO-8859-14, not in the JDK
});

test('single-byte: latin1, ascii and iso-8859-1 are windows-1252', () => {
  for (const label of ['latin1', 'ascii', 'us-ascii', 'iso-8859-1', 'ISO_8859-1:1987']) {
    const d = new TextDecoder(label);
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.decode(bytes(0x80, 0x9f, 0xe9)), '\u20ac\u0178\u00e9');
  }
});

test('single-byte: a BOM is decoded, not stripped; streaming needs no state', () => {
  assert.equal(dec('windows-1252', [0xef, 0xbb, 0xbf, 0x41]), '\u00ef\u00bb\u00bfA');
  assert.equal(dec('iso-8859-2', [0xfe, 0xff]), '\u0163\u02d9');
  const d = new TextDecoder('ibm866');
  assert.equal(d.decode(bytes(0x80), { stream: true }) + d.decode(bytes(0x81), { stream: true }) + d.decode(), '\u0410\u0411');
  assert.equal(new TextDecoder('windows-1253', { fatal: true }).decode(bytes(0x41, 0xc1)), 'A\u0391');
});

// ---- UTF-8

test('utf-8: decodes every length of sequence', () => {
  const s = 'a\u00e9\u20ac\u{1f600}\u0000\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}';
  assert.equal(dec('utf-8', new TextEncoder().encode(s)), s);
  assert.equal(dec('utf-8', [0xf0, 0x9f, 0x98, 0x80]), '\ud83d\ude00');
  assert.equal(dec('utf-8', [0xef, 0xbf, 0xbd]), FFFD);
  assert.equal(dec('utf-8', []), '');
});

// Inputs and the standard's decoder output (each U+FFFD is one error).
const UTF8_ERRORS = [
  ['invalid byte', [0xff], FFFD],
  ['obsolete lead byte', [0xfe, 0x80, 0x80, 0x80, 0x80, 0x80], FFFD.repeat(6)],
  ['lead above U+10FFFF', [0xfc, 0x80, 0x80, 0x80, 0x80, 0x80], FFFD.repeat(6)],
  ['lone continuation', [0x80], FFFD],
  ['two continuations', [0xbf, 0x80], FFFD + FFFD],
  ['C0 lead', [0xc0], FFFD],
  ['2-byte ends early', [0xc2], FFFD],
  ['3-byte ends early', [0xe0], FFFD],
  ['3-byte ends early after one', [0xe2, 0x82], FFFD],
  ['4-byte ends early after two', [0xf0, 0x9f, 0x98], FFFD],
  ['invalid trail 00', [0xc0, 0x00], FFFD + '\0'],
  ['invalid trail C0', [0xc0, 0xc0], FFFD + FFFD],
  ['invalid trail after E0', [0xe0, 0x00], FFFD + '\0'],
  ['invalid trail after E0 C0', [0xe0, 0xc0], FFFD + FFFD],
  ['invalid third byte', [0xe0, 0x80, 0x00], FFFD + FFFD + '\0'],
  ['truncated then ASCII', [0xe2, 0x82, 0x41], FFFD + 'A'],
  ['truncated 4-byte then ASCII', [0xf0, 0x9f, 0x41], FFFD + 'A'],
  ['2-byte lead then ASCII', [0xc2, 0x41], FFFD + 'A'],
  ['overlong U+0000 (2 bytes)', [0xc0, 0x80], FFFD + FFFD],
  ['overlong U+0000 (3 bytes)', [0xe0, 0x80, 0x80], FFFD.repeat(3)],
  ['overlong U+0000 (4 bytes)', [0xf0, 0x80, 0x80, 0x80], FFFD.repeat(4)],
  ['overlong U+0000 (5 bytes)', [0xf8, 0x80, 0x80, 0x80, 0x80], FFFD.repeat(5)],
  ['overlong U+0000 (6 bytes)', [0xfc, 0x80, 0x80, 0x80, 0x80, 0x80], FFFD.repeat(6)],
  ['overlong U+007F (2 bytes)', [0xc1, 0xbf], FFFD + FFFD],
  ['overlong U+007F (3 bytes)', [0xe0, 0x81, 0xbf], FFFD.repeat(3)],
  ['overlong U+07FF (3 bytes)', [0xe0, 0x9f, 0xbf], FFFD.repeat(3)],
  ['overlong U+07FF (4 bytes)', [0xf0, 0x80, 0x9f, 0xbf], FFFD.repeat(4)],
  ['overlong U+FFFF (4 bytes)', [0xf0, 0x8f, 0xbf, 0xbf], FFFD.repeat(4)],
  ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], FFFD.repeat(4)],
  ['F5 lead', [0xf5, 0x80, 0x80, 0x80], FFFD.repeat(4)],
  ['lead surrogate', [0xed, 0xa0, 0x80], FFFD.repeat(3)],
  ['trail surrogate', [0xed, 0xb0, 0x80], FFFD.repeat(3)],
  ['surrogate pair', [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], FFFD.repeat(6)],
  ['ED A0 at the end', [0xed, 0xa0], FFFD + FFFD],
  ['largest scalar before surrogates', [0xed, 0x9f, 0xbf], '\ud7ff'],
  ['largest scalar', [0xf4, 0x8f, 0xbf, 0xbf], '\udbff\udfff'],
  ['error between valid text', [0x61, 0xff, 0x62, 0xc3, 0xa9], 'a' + FFFD + 'b\u00e9'],
];

test('utf-8: errors become U+FFFD as the standard\'s decoder says', () => {
  for (const [what, input, expected] of UTF8_ERRORS) {
    assert.equal(codes(dec('utf-8', input)), codes(expected), what);
  }
});

test('utf-8: fatal mode throws a TypeError for every error', () => {
  for (const [what, input, expected] of UTF8_ERRORS) {
    const d = new TextDecoder('utf-8', { fatal: true });
    if (expected.includes(FFFD)) {
      const e = assert.throws(() => d.decode(new Uint8Array(input)), TypeError, what);
      assert.equal(e.message, "Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.");
    } else {
      assert.equal(d.decode(new Uint8Array(input)), expected, what);
    }
  }
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes(0xef, 0xbf, 0xbd)), FFFD);
});

function streamed(label, input, splits, opts) {
  const d = new TextDecoder(label, opts);
  let out = '', last = 0;
  for (const at of splits) { out += d.decode(input.subarray(last, at), { stream: true }); last = at; }
  return out + d.decode(input.subarray(last));
}

test('utf-8: streaming keeps incomplete sequences across every chunk boundary', () => {
  const text = 'a\u00e9\u20ac\u{1f600}z\u{10ffff}';
  const input = new TextEncoder().encode(text);
  for (let i = 0; i <= input.length; i++) {
    for (let j = i; j <= input.length; j++) {
      assert.equal(streamed('utf-8', input, [i, j]), text, `split at ${i}, ${j}`);
    }
  }
  const d = new TextDecoder();
  let out = '';
  for (const b of input) out += d.decode(bytes(b), { stream: true });
  assert.equal(out + d.decode(), text, 'one byte at a time');
});

test('utf-8: streaming gives the same errors as decoding at once', () => {
  for (const [what, list] of UTF8_ERRORS) {
    const input = new Uint8Array(list);
    const whole = dec('utf-8', input);
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j++) {
        assert.equal(codes(streamed('utf-8', input, [i, j])), codes(whole), `${what}: split at ${i}, ${j}`);
      }
    }
  }
});

test('utf-8: a truncated sequence at the end of the stream is one error', () => {
  const d = new TextDecoder();
  assert.equal(d.decode(bytes(0xf0, 0x9f), { stream: true }), '');
  assert.equal(d.decode(bytes(0x98), { stream: true }), '');
  assert.equal(d.decode(), FFFD);
  assert.equal(d.decode(bytes(0x41)), 'A', 'the decoder starts afresh');
  assert.equal(d.decode(bytes(0xe2), { stream: true }), '');
  assert.equal(d.decode(bytes(0x41)), FFFD + 'A');
  const f = new TextDecoder('utf-8', { fatal: true });
  assert.equal(f.decode(bytes(0xe2, 0x82), { stream: true }), '');
  assert.throws(() => f.decode(), TypeError);
  assert.equal(f.decode(bytes(0x41)), 'A', 'usable after a fatal error');
});

test('utf-8: end-of-queue handling, at once and streaming', () => {
  assert.equal(dec('utf-8', [0xf0]), FFFD);
  assert.equal(dec('utf-8', [0xf0, 0x9f]), FFFD);
  assert.equal(dec('utf-8', [0xf0, 0x9f, 0x92]), FFFD);
  const d = new TextDecoder();
  d.decode(bytes(0xf0), { stream: true });
  assert.equal(d.decode(), FFFD);
  d.decode(bytes(0xf0), { stream: true });
  d.decode(bytes(0x9f), { stream: true });
  assert.equal(d.decode(), FFFD);
  d.decode(bytes(0xf0, 0x9f), { stream: true });
  assert.equal(d.decode(bytes(0x92)), FFFD);
  assert.equal(d.decode(bytes(0xf0, 0x9f), { stream: true }), '');
  assert.equal(d.decode(bytes(0x41), { stream: true }), FFFD + 'A');
  assert.equal(d.decode(), '');
  assert.equal(d.decode(bytes(0xf0, 0x41, 0x42), { stream: true }), FFFD + 'AB');
  assert.equal(d.decode(), '');
  assert.equal(d.decode(bytes(0xf0, 0x41, 0xf0), { stream: true }), FFFD + 'A');
  assert.equal(d.decode(), FFFD);
  assert.equal(d.decode(bytes(0xf0), { stream: true }), '');
  assert.equal(d.decode(bytes(0x8f), { stream: true }), FFFD + FFFD);
  assert.equal(d.decode(bytes(0x92), { stream: true }), FFFD);
  assert.equal(d.decode(), '');
  // decode() and decode(undefined, {}) flush what a stream carried.
  d.decode(bytes(0xc9), { stream: true });
  assert.equal(d.decode(undefined), FFFD);
  d.decode(bytes(0xc9), { stream: true });
  assert.equal(d.decode(undefined, {}), FFFD);
  d.decode(bytes(0xc9), { stream: true });
  assert.equal(d.decode(undefined, { stream: true }), '', 'nothing new, still streaming');
  assert.equal(d.decode(bytes(0xa9)), '\u0269');
});

test('utf-8: fatal errors in streaming mode', () => {
  const d = new TextDecoder('utf-8', { fatal: true });
  assert.equal(d.decode(bytes(0xe2, 0x82), { stream: true }), '');
  assert.throws(() => d.decode(bytes(0x41), { stream: true }), TypeError);
  // The error ends the stream (as in Chrome): the carried E2 82 is gone, a lone AC is an error.
  assert.throws(() => d.decode(bytes(0xac)), TypeError);
  assert.equal(d.decode(bytes(0xe2, 0x82, 0xac)), '\u20ac');
});

test('utf-8: decoding does not depend on earlier decode() calls that flushed', () => {
  const d = new TextDecoder();
  assert.equal(d.decode(bytes(0xe2, 0x82)), FFFD);
  assert.equal(d.decode(bytes(0xac)), FFFD);
  assert.equal(d.decode(bytes(0x41)), 'A');
});

test('utf-8: large inputs', () => {
  const text = 'h\u00e9llo w\u00f6rld \u65e5\u672c\u8a9e \u{1f600} '.repeat(20000);
  const input = new TextEncoder().encode(text);
  assert.equal(dec('utf-8', input), text);
  assert.equal(streamed('utf-8', input, [1, 100001, 200003, 400001]), text);
  const ascii = 'abcdefghij'.repeat(100000);
  assert.equal(dec('utf-8', new TextEncoder().encode(ascii)), ascii);
});

// ---- UTF-16

test('utf-16: decodes little and big endian', () => {
  assert.equal(dec('utf-16le', [0x61, 0x00, 0xac, 0x20, 0x3d, 0xd8, 0x00, 0xde]), 'a\u20ac\u{1f600}');
  assert.equal(dec('utf-16be', [0x00, 0x61, 0x20, 0xac, 0xd8, 0x3d, 0xde, 0x00]), 'a\u20ac\u{1f600}');
  assert.equal(dec('utf-16', [0x61, 0x00]), 'a');
  assert.equal(dec('utf-16le', [0x00, 0x00, 0xff, 0xff]), '\u0000\uffff');
});

test('utf-16: an odd byte at the end is one error', () => {
  assert.equal(dec('utf-16le', [0x61, 0x00, 0x62]), 'a' + FFFD);
  assert.equal(dec('utf-16be', [0x00]), FFFD);
  assert.throws(() => dec('utf-16le', [0x00], { fatal: true }), TypeError);
  const d = new TextDecoder('utf-16le', { fatal: true });
  assert.equal(d.decode(bytes(0x00), { stream: true }), '');
  assert.equal(d.decode(bytes(0x00)), '\u0000');
});

test('utf-16: lone surrogates become U+FFFD', () => {
  assert.equal(codes(dec('utf-16le', [0x00, 0xd8])), codes(FFFD), 'lead at the end');
  assert.equal(codes(dec('utf-16le', [0x00, 0xd8, 0x61])), codes(FFFD), 'lead and odd byte at the end: one error');
  assert.equal(codes(dec('utf-16le', [0x00, 0xd8, 0x61, 0x00])), codes(FFFD + 'a'), 'lead then a');
  assert.equal(codes(dec('utf-16le', [0x00, 0xd8, 0x00, 0xd8, 0x00, 0xdc])), codes(FFFD + '\ud800\udc00'), 'lead lead trail');
  assert.equal(codes(dec('utf-16le', [0x00, 0xdc, 0x00, 0xd8])), codes(FFFD + FFFD), 'trail then lead');
  assert.equal(codes(dec('utf-16be', [0xdc, 0x00, 0x00, 0x61])), codes(FFFD + 'a'), 'lone trail');
  for (const input of [[0x00, 0xd8], [0x00, 0xdc], [0x00, 0xd8, 0x61, 0x00], [0x00, 0xd8, 0x00]]) {
    assert.throws(() => dec('utf-16le', input, { fatal: true }), TypeError, input.join());
  }
});

test('utf-16: streaming keeps odd bytes and lead surrogates across every chunk boundary', () => {
  const le = bytes(0x61, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0xac, 0x20, 0x00, 0xd8, 0x62, 0x00, 0x00, 0xdc);
  const be = le.map((_, i) => le[i ^ 1]);
  const expected = 'a\u{1f600}\u20ac' + FFFD + 'b' + FFFD;
  for (const [label, input] of [['utf-16le', le], ['utf-16be', be]]) {
    assert.equal(codes(dec(label, input)), codes(expected), label);
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j++) {
        assert.equal(codes(streamed(label, input, [i, j])), codes(expected), `${label} split at ${i}, ${j}`);
      }
    }
  }
  const d = new TextDecoder('utf-16le');
  assert.equal(d.decode(bytes(0x3d), { stream: true }), '');
  assert.equal(d.decode(bytes(0xd8), { stream: true }), '');
  assert.equal(d.decode(bytes(0x00, 0xde), { stream: true }), '\u{1f600}');
  assert.equal(d.decode(bytes(0x3d, 0xd8, 0x00), { stream: true }), '');
  assert.equal(d.decode(), FFFD);
});

// ---- BOM

test('bom: a leading BOM is stripped for utf-8, utf-16le and utf-16be', () => {
  assert.equal(dec('utf-8', [0xef, 0xbb, 0xbf, 0x61]), 'a');
  assert.equal(dec('utf-16le', [0xff, 0xfe, 0x61, 0x00]), 'a');
  assert.equal(dec('utf-16be', [0xfe, 0xff, 0x00, 0x61]), 'a');
  assert.equal(dec('utf-8', [0xef, 0xbb, 0xbf]), '');
});

test('bom: only a BOM of the decoder\'s own encoding, and only the first one, is stripped', () => {
  assert.equal(codes(dec('utf-16le', [0xfe, 0xff, 0x00, 0x61])), codes('\ufffe\u6100'));
  assert.equal(codes(dec('utf-16be', [0xff, 0xfe, 0x61, 0x00])), codes('\ufffe\u6100'));
  assert.equal(codes(dec('utf-8', [0xff, 0xfe, 0x61, 0x00])), codes(FFFD + FFFD + 'a\0'));
  assert.equal(codes(dec('utf-8', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])), codes('\ufeff'));
  assert.equal(codes(dec('utf-8', [0x61, 0xef, 0xbb, 0xbf])), codes('a\ufeff'));
  // The standard has no BOM sniffing in TextDecoder: a utf-16 BOM does not switch a utf-8 decoder.
  assert.equal(codes(dec('utf-8', [0xfe, 0xff])), codes(FFFD + FFFD));
});

test('bom: ignoreBOM keeps it', () => {
  assert.equal(codes(dec('utf-8', [0xef, 0xbb, 0xbf, 0x61], { ignoreBOM: true })), codes('\ufeffa'));
  assert.equal(codes(dec('utf-16le', [0xff, 0xfe, 0x61, 0x00], { ignoreBOM: true })), codes('\ufeffa'));
  assert.equal(codes(dec('utf-16be', [0xfe, 0xff, 0x00, 0x61], { ignoreBOM: true })), codes('\ufeffa'));
  assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).ignoreBOM, true);
  assert.equal(new TextDecoder('utf-8').ignoreBOM, false);
});

test('bom: a BOM split over chunks is still stripped; a new stream strips again', () => {
  const d = new TextDecoder();
  assert.equal(d.decode(bytes(0xef), { stream: true }), '');
  assert.equal(d.decode(bytes(0xbb), { stream: true }), '');
  assert.equal(d.decode(bytes(0xbf), { stream: true }), '');
  assert.equal(d.decode(bytes(0x61), { stream: true }), 'a');
  assert.equal(codes(d.decode(bytes(0xef, 0xbb, 0xbf), { stream: true })), codes('\ufeff'), 'not at the start any more');
  assert.equal(d.decode(), '');
  assert.equal(d.decode(bytes(0xef, 0xbb, 0xbf, 0x62)), 'b', 'a new stream');
  assert.equal(d.decode(bytes(0xef, 0xbb, 0xbf, 0x63)), 'c');
  const u = new TextDecoder('utf-16le');
  assert.equal(u.decode(bytes(0xff), { stream: true }), '');
  assert.equal(u.decode(bytes(0xfe, 0x61), { stream: true }), '');
  assert.equal(u.decode(bytes(0x00)), 'a');
});

test('bom: an error before the BOM counts as the first character', () => {
  assert.equal(codes(dec('utf-8', [0xff, 0xef, 0xbb, 0xbf])), codes(FFFD + '\ufeff'));
  assert.equal(codes(dec('utf-16le', [0x00, 0xdc, 0xff, 0xfe])), codes(FFFD + '\ufeff'));
});

// ---- TextEncoder

test('encode: UTF-8 of strings, lone surrogates as U+FFFD', () => {
  const e = new TextEncoder();
  assert.deepEqual(e.encode('a\u00e9\u20ac\u{1f600}'), bytes(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80));
  assert.deepEqual(e.encode('\ud800'), bytes(0xef, 0xbf, 0xbd));
  assert.deepEqual(e.encode('\udc00\ud800'), bytes(0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd));
  assert.deepEqual(e.encode('a\ud800b'), bytes(0x61, 0xef, 0xbf, 0xbd, 0x62));
  assert.deepEqual(e.encode('\ud800\udc00'), bytes(0xf0, 0x90, 0x80, 0x80));
  assert.deepEqual(e.encode(''), bytes());
  assert.deepEqual(e.encode(), bytes());
  assert.deepEqual(e.encode(undefined), bytes());
  assert.deepEqual(e.encode(null), bytes(0x6e, 0x75, 0x6c, 0x6c));
  assert.deepEqual(e.encode(12), bytes(0x31, 0x32));
  assert.deepEqual(e.encode({ toString() { return 'x'; }, valueOf() { return 'y'; } }), bytes(0x78));
  assert.throws(() => e.encode(Symbol('s')), TypeError);
  assert.equal(e.encoding, 'utf-8');
});

test('encode: the result owns an ArrayBuffer of exactly its length', () => {
  for (const s of ['abc', '\u00e9\u00e9', '\u{1f600}x', '']) {
    const u = new TextEncoder().encode(s);
    assert.ok(u instanceof Uint8Array);
    assert.equal(u.byteOffset, 0);
    assert.equal(u.buffer.byteLength, u.length, s);
  }
});

test('encode: round trips through decode', () => {
  let s = '';
  for (let cp = 0; cp < 0x11000; cp += 7) if (cp < 0xd800 || cp > 0xdfff) s += String.fromCodePoint(cp);
  s += '\u{10ffff}';
  const u = new TextEncoder().encode(s);
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(u), s);
  const big = 'x\u00e9\u{1f600}'.repeat(50000);
  assert.equal(new TextDecoder().decode(new TextEncoder().encode(big)), big);
});

test('encodeInto: read and written counts', () => {
  const e = new TextEncoder();
  const cases = [
    // input, destination length, read, written, bytes
    ['Hi', 0, 0, 0, []],
    ['A', 10, 1, 1, [0x41]],
    ['\u{1d306}', 4, 2, 4, [0xf0, 0x9d, 0x8c, 0x86]],
    ['\u{1d306}A', 4, 2, 4, [0xf0, 0x9d, 0x8c, 0x86]],
    ['\u{1d306}', 3, 0, 0, []],
    ['\ud834A\udf06A\u00a5Hi', 10, 5, 10, [0xef, 0xbf, 0xbd, 0x41, 0xef, 0xbf, 0xbd, 0x41, 0xc2, 0xa5]],
    ['\ud834A\udf06A\u00a5Hi', 9, 4, 8, [0xef, 0xbf, 0xbd, 0x41, 0xef, 0xbf, 0xbd, 0x41]],
    ['A\udf06', 4, 2, 4, [0x41, 0xef, 0xbf, 0xbd]],
    ['A\udf06', 3, 1, 1, [0x41]],
    ['\u00a5\u00a5', 4, 2, 4, [0xc2, 0xa5, 0xc2, 0xa5]],
    ['\u00a5\u00a5', 3, 1, 2, [0xc2, 0xa5]],
    ['\ud834', 3, 1, 3, [0xef, 0xbf, 0xbd]],
    ['\ud834', 2, 0, 0, []],
    ['\udf06\ud834', 6, 2, 6, [0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]],
    ['', 0, 0, 0, []],
  ];
  for (const [input, size, read, written, out] of cases) {
    const dest = new Uint8Array(size + 2).fill(0x99);
    const view = dest.subarray(1, 1 + size);
    const r = e.encodeInto(input, view);
    assert.deepEqual(r, { read, written }, `${codes(input)} into ${size}`);
    assert.deepEqual(Object.keys(r), ['read', 'written']);
    assert.deepEqual(Array.from(dest.subarray(1, 1 + written)), out, codes(input));
    assert.equal(dest[0], 0x99, 'byte before the view untouched');
    for (let i = 1 + written; i < dest.length; i++) assert.equal(dest[i], 0x99, 'bytes after the written ones untouched');
  }
});

test('encodeInto: destination checks and argument conversion', () => {
  const e = new TextEncoder();
  for (const bad of [new Uint16Array(4), new Int8Array(4), new Uint8ClampedArray(4), new ArrayBuffer(4), new DataView(new ArrayBuffer(4)), [0, 0], null, undefined, {}]) {
    const err = assert.throws(() => e.encodeInto('a', bad), TypeError);
    assert.equal(err.message, "Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
  }
  assert.throws(() => e.encodeInto('a', Object.create(Uint8Array.prototype)), TypeError);
  const missing = assert.throws(() => e.encodeInto('a'), TypeError);
  assert.equal(missing.message, "Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only 1 present.");
  const u = new Uint8Array(8);
  assert.deepEqual(e.encodeInto(undefined, u), { read: 8, written: 8 });   // "undefined" does not fit
  assert.deepEqual(e.encodeInto(null, u), { read: 4, written: 4 });
  assert.throws(() => e.encodeInto(Symbol(), u), TypeError);
  class Sub extends Uint8Array {}
  assert.deepEqual(e.encodeInto('ab', new Sub(2)), { read: 2, written: 2 });
});

test('encodeInto: a SharedArrayBuffer destination', () => {
  assert.equal(typeof SharedArrayBuffer, 'function', 'Workers have SharedArrayBuffer');
  const u = new Uint8Array(new SharedArrayBuffer(4));
  assert.deepEqual(new TextEncoder().encodeInto('\u20acz', u), { read: 2, written: 4 });
  assert.deepEqual(Array.from(u), [0xe2, 0x82, 0xac, 0x7a]);
});

// ---- WebIDL

test('webidl: input types: ArrayBuffer, every view type, DataView, SharedArrayBuffer', () => {
  const d = new TextDecoder();
  const buf = new Uint8Array([0x41, 0x42, 0x43, 0x44]).buffer;
  assert.equal(d.decode(buf), 'ABCD');
  assert.equal(d.decode(new DataView(buf, 1, 2)), 'BC');
  assert.equal(d.decode(new Uint8Array(buf, 2)), 'CD');
  assert.equal(d.decode(new Uint16Array(buf, 2, 1)), 'CD');
  assert.equal(d.decode(new Int8Array(buf)), 'ABCD');
  assert.equal(d.decode(new Float32Array(buf)), 'ABCD');
  assert.equal(d.decode(new BigInt64Array(new Uint8Array([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]).buffer)), 'abcdefgh');
  {
    const sab = new SharedArrayBuffer(4);
    new Uint8Array(sab).set([0xe2, 0x82, 0xac, 0x21]);
    assert.equal(d.decode(sab), '\u20ac!');
    assert.equal(d.decode(new Uint8Array(sab, 3)), '!');
    assert.equal(d.decode(new DataView(sab, 0, 3)), '\u20ac');
    assert.equal(new TextDecoder('utf-16be').decode(new Uint8Array(sab, 0, 2)), '\ue282');
    assert.equal(new TextDecoder('windows-1252').decode(new Uint8Array(sab, 3, 1)), '!');
  }
});

test('webidl: decode() and decode(undefined) decode nothing; other non-buffers throw', () => {
  const d = new TextDecoder();
  assert.equal(d.decode(), '');
  assert.equal(d.decode(undefined), '');
  assert.equal(d.decode(undefined, { stream: true }), '');
  for (const bad of [null, 'abc', 1, [0x61], {}, { buffer: new ArrayBuffer(1) }, Object.create(ArrayBuffer.prototype), Object.create(Uint8Array.prototype)]) {
    const e = assert.throws(() => d.decode(bad), TypeError);
    assert.equal(e.message, "Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
  }
});

test('webidl: decode copies its input, and reads views through the real getters', () => {
  const d = new TextDecoder();
  const u = new Uint8Array([0x61, 0x62, 0x63]);
  Object.defineProperty(u, 'byteLength', { value: 1 });
  Object.defineProperty(u, 'buffer', { value: new ArrayBuffer(0) });
  assert.equal(d.decode(u), 'abc');
  const s = new Uint8Array([0xe2, 0x82]);
  assert.equal(d.decode(s, { stream: true }), '');
  s[0] = 0x41; s[1] = 0x41;
  assert.equal(d.decode(bytes(0xac)), '\u20ac', 'the carried bytes are a copy');
});

test('webidl: a detached buffer decodes as empty', () => {
  const buf = new ArrayBuffer(4);
  const view = new Uint8Array(buf);
  const dv = new DataView(buf);
  buf.transfer();
  assert.equal(buf.detached, true);
  assert.equal(new TextDecoder().decode(buf), '');
  assert.equal(new TextDecoder().decode(view), '');
  assert.equal(new TextDecoder().decode(dv), '');
});

test('webidl: resizable buffers and length-tracking views', () => {
  const rab = new ArrayBuffer(4, { maxByteLength: 8 });
  new Uint8Array(rab).set([0x61, 0x62, 0x63, 0x64]);
  const tracking = new Uint8Array(rab);
  const fixed = new Uint8Array(rab, 1, 2);
  rab.resize(3);
  assert.equal(new TextDecoder().decode(rab), 'abc');
  assert.equal(new TextDecoder().decode(tracking), 'abc');
  assert.equal(new TextDecoder().decode(fixed), 'bc');
  rab.resize(1);
  assert.equal(new TextDecoder().decode(fixed), '', 'a view out of bounds has no bytes');
  const u = new Uint8Array(rab);
  rab.resize(6);
  assert.deepEqual(new TextEncoder().encodeInto('\u00e9\u00e9\u00e9', u), { read: 3, written: 6 });
});

test('webidl: TextEncoder ignores constructor arguments', () => {
  assert.equal(new TextEncoder('utf-16le').encoding, 'utf-8');
  assert.deepEqual(new TextEncoder('windows-1252').encode('\u00e9'), bytes(0xc3, 0xa9));
});

test('webidl: options dictionaries', () => {
  assert.equal(new TextDecoder('utf-8', null).fatal, false);
  assert.equal(new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'x' }).fatal, true);
  assert.equal(new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'x' }).ignoreBOM, true);
  assert.equal(new TextDecoder('utf-8', { fatal: 0 }).fatal, false);
  assert.equal(new TextDecoder('utf-8', () => {}).fatal, false);
  const ctor = assert.throws(() => new TextDecoder('utf-8', 5), TypeError);
  assert.equal(ctor.message, "Failed to construct 'TextDecoder': The provided value is not of type 'TextDecoderOptions'.");
  assert.throws(() => new TextDecoder('utf-8', 'fatal'), TypeError);
  const dec2 = assert.throws(() => new TextDecoder().decode(undefined, true), TypeError);
  assert.equal(dec2.message, "Failed to execute 'decode' on 'TextDecoder': The provided value is not of type 'TextDecodeOptions'.");
  assert.equal(new TextDecoder().decode(bytes(0x61), null), 'a');
  // Members are read in lexicographic order, after the label is converted and before it is checked.
  const seen = [];
  const opts = { get ignoreBOM() { seen.push('ignoreBOM'); return false; }, get fatal() { seen.push('fatal'); return true; } };
  assert.throws(() => new TextDecoder({ toString() { seen.push('label'); return 'bogus'; } }, opts), RangeError);
  assert.deepEqual(seen, ['label', 'fatal', 'ignoreBOM']);
  const streamOpts = { get stream() { seen.push('stream'); return true; } };
  assert.equal(new TextDecoder().decode(bytes(0xe2), streamOpts), '');
  assert.equal(seen[seen.length - 1], 'stream');
});

test('webidl: label conversion', () => {
  assert.throws(() => new TextDecoder(Symbol('utf-8')), TypeError);
  assert.equal(new TextDecoder({ toString() { return 'utf-16be'; } }).encoding, 'utf-16be');
  assert.equal(new TextDecoder(['latin1']).encoding, 'windows-1252');
});

test('webidl: brand checks throw Illegal invocation', () => {
  const get = (cls, key) => Object.getOwnPropertyDescriptor(cls.prototype, key).get;
  for (const self of [{}, null, undefined, 1, new TextEncoder(), Object.create(TextDecoder.prototype)]) {
    assert.throws(() => TextDecoder.prototype.decode.call(self, bytes(0x61)), { name: 'TypeError', message: 'Illegal invocation' });
    for (const key of ['encoding', 'fatal', 'ignoreBOM']) {
      assert.throws(() => get(TextDecoder, key).call(self), { name: 'TypeError', message: 'Illegal invocation' });
    }
  }
  for (const self of [{}, null, new TextDecoder(), Object.create(TextEncoder.prototype)]) {
    assert.throws(() => TextEncoder.prototype.encode.call(self, 'a'), { name: 'TypeError', message: 'Illegal invocation' });
    assert.throws(() => TextEncoder.prototype.encodeInto.call(self, 'a', new Uint8Array(1)), { name: 'TypeError', message: 'Illegal invocation' });
    assert.throws(() => get(TextEncoder, 'encoding').call(self), { name: 'TypeError', message: 'Illegal invocation' });
  }
  assert.throws(() => TextDecoder.prototype.encoding, TypeError);
  assert.throws(() => TextDecoder(), TypeError);
  assert.throws(() => TextEncoder(), TypeError);
});

test('webidl: toStringTag, enumerable members, lengths, globals', () => {
  assert.equal(Object.prototype.toString.call(new TextDecoder()), '[object TextDecoder]');
  assert.equal(Object.prototype.toString.call(new TextEncoder()), '[object TextEncoder]');
  assert.equal(Object.prototype.toString.call(TextDecoder.prototype), '[object TextDecoder]');
  const tag = Object.getOwnPropertyDescriptor(TextDecoder.prototype, Symbol.toStringTag);
  assert.deepEqual([tag.writable, tag.enumerable, tag.configurable], [false, false, true]);
  for (const [cls, keys] of [[TextDecoder, ['encoding', 'fatal', 'ignoreBOM', 'decode']], [TextEncoder, ['encoding', 'encode', 'encodeInto']]]) {
    for (const key of keys) {
      const desc = Object.getOwnPropertyDescriptor(cls.prototype, key);
      assert.ok(desc, key);
      assert.equal(desc.enumerable, true, key);
      assert.equal(desc.configurable, true, key);
    }
    const enumerable = [];
    for (const k in new cls()) enumerable.push(k);
    assert.deepEqual(enumerable.sort(), keys.slice().sort());
    assert.deepEqual(Object.keys(new cls()), [], 'no own properties');
    const g = Object.getOwnPropertyDescriptor(globalThis, cls.name);
    assert.deepEqual([g.writable, g.enumerable, g.configurable], [true, false, true]);
  }
  assert.equal(Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').set, undefined);
  assert.equal(TextDecoder.length, 0);
  assert.equal(TextEncoder.length, 0);
  assert.equal(TextDecoder.prototype.decode.length, 0);
  assert.equal(TextEncoder.prototype.encode.length, 0);
  assert.equal(TextEncoder.prototype.encodeInto.length, 2);
  assert.equal(TextDecoder.name, 'TextDecoder');
});

test('webidl: subclasses', () => {
  class MyDecoder extends TextDecoder {
    constructor() { super('latin1', { fatal: true }); }
    decode(input) { return '[' + super.decode(input) + ']'; }
  }
  const d = new MyDecoder();
  assert.ok(d instanceof TextDecoder);
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.fatal, true);
  assert.equal(d.decode(bytes(0x80)), '[\u20ac]');
  assert.equal(Object.prototype.toString.call(d), '[object TextDecoder]');
  class MyEncoder extends TextEncoder {}
  const e = new MyEncoder();
  assert.ok(e instanceof TextEncoder);
  assert.deepEqual(e.encode('a'), bytes(0x61));
});

test('webidl: the encoding attribute is the lower-case name', () => {
  assert.equal(new TextDecoder('UTF-16BE').encoding, 'utf-16be');
  assert.equal(new TextDecoder('MAC').encoding, 'macintosh');
  assert.equal(new TextDecoder('X-MAC-UKRAINIAN').encoding, 'x-mac-cyrillic');
  assert.equal(new TextDecoder('logical').encoding, 'iso-8859-8-i');
  assert.equal(new TextDecoder('x-user-defined').decode(bytes(0x61, 0x80, 0xff)), 'a\uf780\uf7ff');
});

// ---- the hot-path helpers other bootstrap files use (internal.utf8Encode / utf8Decode)

test('internal: Response bodies encode and decode UTF-8 with replacement', async () => {
  const r = new Response('h\u00e9\ud800\u{1f600}');
  assert.deepEqual(new Uint8Array(await r.arrayBuffer()), bytes(0x68, 0xc3, 0xa9, 0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80));
  assert.equal(await new Response(bytes(0x61, 0xff, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0x80)).text(), 'a\ufffd\u20ac\ufffd\ufffd\ufffd');
  assert.equal(await new Response(new Uint8Array([0x78, 0x61, 0x62]).subarray(1)).text(), 'ab');
  const big = 'x\u00e9\u{1f600}'.repeat(30000);
  assert.equal(await new Response(big).text(), big);
  assert.equal(await new Response(new TextEncoder().encode(big)).text(), big);
});
