// internal.formDataSerialize / internal.formDataParse: multipart/form-data (HTML standard's
// encoding, RFC 7578 parts, Fetch standard's formData()) and application/x-www-form-urlencoded.
(function (internal, test, assert) {
  'use strict';
  const enc = (s) => new TextEncoder().encode(s);
  const dec = (b) => new TextDecoder().decode(b);
  const latin1 = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const fileText = (f) => dec(internal.blobBytes(f));
  const MP = 'multipart/form-data; boundary=';
  const parse = (body, boundary) => internal.formDataParse(typeof body === 'string' ? enc(body) : body, MP + boundary);
  const entries = (fd) => internal.formDataEntries(fd).map(([k, v]) => [k, typeof v === 'string' ? v : { name: v.name, type: v.type, text: fileText(v) }]);
  const fdOf = (...pairs) => {
    const fd = new FormData();
    for (const p of pairs) fd.append(...p);
    return fd;
  };

  // --- serializing ---

  test('multipart serialize: strings and files, exact bytes', () => {
    const fd = fdOf(['field', 'value'], ['file', new File(['hello'], 'hello.txt', { type: 'text/plain' })], ['empty', '']);
    const { bytes, contentType } = internal.formDataSerialize(fd, 'BOUNDARY');
    assert.equal(contentType, 'multipart/form-data; boundary=BOUNDARY');
    assert.equal(dec(bytes),
      '--BOUNDARY\r\nContent-Disposition: form-data; name="field"\r\n\r\nvalue\r\n' +
      '--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n' +
      '--BOUNDARY\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n' +
      '--BOUNDARY--\r\n');
  });

  test('multipart serialize: an empty FormData is just the close delimiter', () => {
    assert.equal(dec(internal.formDataSerialize(new FormData(), 'b').bytes), '--b--\r\n');
  });

  test('multipart serialize: files without a type are application/octet-stream, Blobs are named blob', () => {
    const fd = fdOf(['b', new Blob([new Uint8Array([0, 255, 13, 10])])]);
    const { bytes } = internal.formDataSerialize(fd, 'X');
    const head = '--X\r\nContent-Disposition: form-data; name="b"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n';
    assert.deepEqual(bytes, new Uint8Array([...enc(head), 0, 255, 13, 10, 13, 10, ...enc('--X--\r\n')]));
  });

  test('multipart serialize: names and filenames escape ", CR and LF; newlines in names become CRLF first', () => {
    const fd = fdOf(['a"b\rc\nd\r\ne', 'v'], ['f', new File([], 'x"y\r\nz\n.txt')]);
    const text = dec(internal.formDataSerialize(fd, 'B').bytes);
    assert.ok(text.includes('name="a%22b%0D%0Ac%0D%0Ad%0D%0Ae"'), text);
    assert.ok(text.includes('filename="x%22y%0D%0Az%0A.txt"'), text);
  });

  test('multipart serialize: string values get CRLF newlines, file contents are untouched', () => {
    const fd = fdOf(['s', 'a\nb\rc\r\nd\n\r'], ['f', new File(['a\nb\r'], 'f')]);
    const text = dec(internal.formDataSerialize(fd, 'B').bytes);
    assert.ok(text.includes('\r\n\r\na\r\nb\r\nc\r\nd\r\n\r\n\r\n--B'), JSON.stringify(text));
    assert.ok(text.includes('\r\n\r\na\nb\r\r\n--B--'), JSON.stringify(text));
  });

  test('multipart serialize: UTF-8 names, values and filenames', () => {
    const fd = fdOf(['\u00e9', '\u4e2d'], ['f', new File([], '\ud83d\ude00.txt')]);
    const bytes = internal.formDataSerialize(fd, 'B').bytes;
    const text = dec(bytes);
    assert.ok(text.includes('name="\u00e9"\r\n\r\n\u4e2d\r\n'));
    assert.ok(text.includes('filename="\ud83d\ude00.txt"'));
  });

  test('multipart serialize: random boundaries', () => {
    const a = internal.formDataSerialize(new FormData()).contentType;
    const b = internal.formDataSerialize(new FormData()).contentType;
    assert.ok(/^multipart\/form-data; boundary=[-A-Za-z0-9]{27,70}$/.test(a), a);
    assert.ok(a !== b, 'a new boundary each time');
  });

  // --- round trips ---

  test('multipart round trip: strings, files, order and duplicates', () => {
    const file = new File([new Uint8Array([1, 2, 3, 13, 10, 45, 45])], 'data.bin', { type: 'application/x-thing' });
    const fd = fdOf(['a', '1'], ['f', file], ['a', '2'], ['b', new Blob(['blob text'], { type: 'text/plain' })]);
    const { bytes, contentType } = internal.formDataSerialize(fd);
    const back = internal.formDataParse(bytes, contentType);
    assert.ok(back instanceof FormData);
    const e = internal.formDataEntries(back);
    assert.deepEqual(e.map(([k]) => k), ['a', 'f', 'a', 'b']);
    assert.equal(e[0][1], '1');
    assert.ok(e[1][1] instanceof File);
    assert.equal(e[1][1].name, 'data.bin');
    assert.equal(e[1][1].type, 'application/x-thing');
    assert.deepEqual(internal.blobBytes(e[1][1]), new Uint8Array([1, 2, 3, 13, 10, 45, 45]));
    assert.equal(e[3][1].name, 'blob');
    assert.equal(fileText(e[3][1]), 'blob text');
  });

  test('multipart round trip: escaped characters come back, newlines as CRLF', () => {
    const fd = fdOf(['q"uote', 'v"al'], ['line\nbreak', 'x\ny'], ['f', new File(['z'], 'a"b\r\n.txt')]);
    const { bytes, contentType } = internal.formDataSerialize(fd);
    assert.deepEqual(entries(internal.formDataParse(bytes, contentType)), [
      ['q"uote', 'v"al'], ['line\r\nbreak', 'x\r\ny'], ['f', { name: 'a"b\r\n.txt', type: 'application/octet-stream', text: 'z' }]]);
  });

  test('multipart round trip: non-ASCII and empty values', () => {
    const fd = fdOf(['\u00e9t\u00e9', '\ud83d\ude00'], ['', ''], ['f', new File([], '')]);
    const { bytes, contentType } = internal.formDataSerialize(fd);
    assert.deepEqual(entries(internal.formDataParse(bytes, contentType)), [
      ['\u00e9t\u00e9', '\ud83d\ude00'], ['', ''], ['f', { name: '', type: 'application/octet-stream', text: '' }]]);
  });

  test('multipart round trip: a large file', () => {
    const big = new Uint8Array(300000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    const { bytes, contentType } = internal.formDataSerialize(fdOf(['big', new File([big], 'big')]));
    const f = internal.formDataParse(bytes, contentType).get('big');
    assert.equal(f.size, big.length);
    assert.deepEqual(internal.blobBytes(f), big);
  });

  // --- parsing hand-written bodies ---

  test('multipart parse: a simple body', () => {
    const body = '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--xyz--\r\n';
    assert.deepEqual(entries(parse(body, 'xyz')), [['a', 'hello']]);
  });

  test('multipart parse: odd boundaries', () => {
    const cases = [['-', '-'], ['----', '----'], ["'()+_,-./:=?", `"'()+_,-./:=?"`], ['a b c', '"a b c"'],
      ['x'.repeat(70), 'x'.repeat(70)], ['--xyz--', '--xyz--'], ['a"b', '"a\\"b"']];
    for (const [boundary, param] of cases) {
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="k"\r\n\r\nv\r\n--${boundary}--`;
      assert.deepEqual(entries(internal.formDataParse(enc(body), MP + param)), [['k', 'v']], boundary);
    }
  });

  test('multipart parse: Content-Type parameters and case', () => {
    const body = enc('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n');
    for (const ct of ['multipart/form-data; boundary=B', 'MULTIPART/Form-Data; BOUNDARY=B', 'multipart/form-data;boundary="B"',
      'multipart/form-data; charset=utf-8; boundary=B', '  multipart/form-data ; boundary=B ', 'multipart/form-data; boundary=B; boundary=C']) {
      assert.deepEqual(entries(internal.formDataParse(body, ct)), [['a', '1']], ct);
    }
  });

  test('multipart parse: unquoted and oddly spaced parameters, header case', () => {
    const body = '--B\r\ncontent-disposition:form-data;name=plain\r\n\r\n1\r\n' +
      '--B\r\nCONTENT-DISPOSITION:   FORM-DATA ;  NAME = "spaced" ; FileName = "f.txt"  \r\ncontent-type: Text/Plain\r\n\r\n2\r\n' +
      '--B\r\nContent-Disposition: form-data; filename=bare.bin; name=n3\r\n\r\n3\r\n--B--';
    assert.deepEqual(entries(parse(body, 'B')), [
      ['plain', '1'], ['spaced', { name: 'f.txt', type: 'text/plain', text: '2' }], ['n3', { name: 'bare.bin', type: 'text/plain', text: '3' }]]);
  });

  test('multipart parse: quoted filenames with special characters', () => {
    const body = '--B\r\nContent-Disposition: form-data; name="f"; filename="a;b=c d.txt"\r\n\r\nx\r\n' +
      '--B\r\nContent-Disposition: form-data; name="g"; filename="C:\\dir\\file.txt"\r\n\r\ny\r\n' +
      '--B\r\nContent-Disposition: form-data; name="h%22"; filename="%22q%22%0D%0A"\r\n\r\nz\r\n--B--\r\n';
    const e = entries(parse(body, 'B'));
    assert.equal(e[0][1].name, 'a;b=c d.txt');
    assert.equal(e[1][1].name, 'C:\\dir\\file.txt', 'backslashes are not escapes');
    assert.equal(e[2][0], 'h"');
    assert.equal(e[2][1].name, '"q"\r\n');
  });

  test('multipart parse: files without Content-Type are text/plain; types are normalized', () => {
    const part = (name, ct) => `--B\r\nContent-Disposition: form-data; name="${name}"; filename="x"\r\n${ct === null ? '' : 'Content-Type: ' + ct + '\r\n'}\r\nv\r\n`;
    const body = part('none', null) + part('upper', 'IMAGE/PNG') + part('params', 'text/html; charset=utf-8') + part('empty', '') + '--B--';
    const types = entries(parse(body, 'B')).map(([, v]) => v.type);
    assert.deepEqual(types, ['text/plain', 'image/png', 'text/html; charset=utf-8', '']);
    const nonAscii = parse(latin1('--B\r\nContent-Disposition: form-data; name="n"; filename="x"\r\nContent-Type: t\u00e9xt/plain\r\n\r\nv\r\n--B--'), 'B');
    assert.equal(nonAscii.get('n').type, '');
  });

  test('multipart parse: string values ignore Content-Type and keep a BOM', () => {
    const body = latin1('--B\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: text/plain; charset=latin1\r\n\r\n\xc3\xa9\r\n' +
      '--B\r\nContent-Disposition: form-data; name="bom"\r\n\r\n\xef\xbb\xbfx\r\n' +
      '--B\r\nContent-Disposition: form-data; name="bad"\r\n\r\n\xff\r\n--B--');
    assert.deepEqual(entries(parse(body, 'B')), [['a', '\u00e9'], ['bom', '\ufeffx'], ['bad', '\ufffd']]);
  });

  test('multipart parse: UTF-8 names and filenames', () => {
    const body = '--B\r\nContent-Disposition: form-data; name="\u00e9\u4e2d"; filename="\ud83d\ude00.txt"\r\n\r\nv\r\n--B--';
    const e = entries(parse(body, 'B'));
    assert.equal(e[0][0], '\u00e9\u4e2d');
    assert.equal(e[0][1].name, '\ud83d\ude00.txt');
  });

  test('multipart parse: bodies with CRLF, dashes and boundary look-alikes', () => {
    const value = '\r\n--\r\n-B\r\n--b\r\n\n--B\r--B\r\n';
    const body = `--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n${value}\r\n--B--`;
    assert.deepEqual(entries(parse(body, 'B')), [['a', value]]);
  });

  test('multipart parse: preamble, epilogue, transport padding, other headers', () => {
    const body = 'This is the preamble.\r\nIt is ignored.\r\n--B  \t\r\nContent-Disposition: form-data; name="a"\r\n' +
      'X-Other: whatever: with colon\r\nContent-Transfer-Encoding: 8bit\r\n\r\n1\r\n--B--\r\nThis is the epilogue.\r\n--B\r\n';
    assert.deepEqual(entries(parse(body, 'B')), [['a', '1']]);
  });

  test('multipart parse: no parts', () => {
    assert.deepEqual(entries(parse('--B--', 'B')), []);
    assert.deepEqual(entries(parse('--B--\r\n', 'B')), []);
  });

  test('multipart parse: the latest Content-Disposition wins; first parameter wins', () => {
    const body = '--B\r\nContent-Disposition: form-data; name="first"\r\nContent-Disposition: form-data; name="second"; name="third"\r\n\r\nv\r\n--B--';
    assert.deepEqual(entries(parse(body, 'B')), [['second', 'v']]);
  });

  test('multipart parse: files share the body bytes', () => {
    const body = enc('--B\r\nContent-Disposition: form-data; name="f"; filename="f"\r\n\r\nabc\r\n--B--');
    const f = parse(body, 'B').get('f');
    assert.equal(internal.blobBytes(f).buffer, body.buffer);
    assert.equal(f.size, 3);
  });

  test('multipart parse: malformed bodies throw TypeError', () => {
    const cases = {
      'empty body': '',
      'no boundary at all': 'hello',
      'wrong boundary': '--C\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--C--',
      'no closing delimiter': '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n',
      'ends after a delimiter': '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B',
      'ends inside the body': '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
      'no CRLF after the first boundary': '--B Content-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--',
      'garbage after the boundary': '--Bxyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--',
      'LF instead of CRLF after the boundary': '--B\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--',
      'LF-only line endings': '--B\nContent-Disposition: form-data; name="a"\n\n1\n--B--\n',
      'missing blank line after headers': '--B\r\nContent-Disposition: form-data; name="a"\r\n1\r\n--B--',
      'no headers': '--B\r\n\r\n1\r\n--B--',
      'no Content-Disposition': '--B\r\nContent-Type: text/plain\r\n\r\n1\r\n--B--',
      'not form-data': '--B\r\nContent-Disposition: attachment; name="a"\r\n\r\n1\r\n--B--',
      'no name': '--B\r\nContent-Disposition: form-data; filename="a"\r\n\r\n1\r\n--B--',
      'unterminated quote': '--B\r\nContent-Disposition: form-data; name="a\r\n\r\n1\r\n--B--',
      'junk after a quoted value': '--B\r\nContent-Disposition: form-data; name="a"junk\r\n\r\n1\r\n--B--',
      'header without colon': '--B\r\nContent-Disposition: form-data; name="a"\r\nbroken header\r\n\r\n1\r\n--B--',
      'bad header name': '--B\r\nContent Disposition: form-data; name="a"\r\n\r\n1\r\n--B--',
      'folded header': '--B\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\n1\r\n--B--',
      'bare LF inside a header': '--B\r\nContent-Disposition: form-data; name="a"\nX: y\r\n\r\n1\r\n--B--',
      'second part without CRLF': '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--Bjunk',
    };
    for (const [what, body] of Object.entries(cases)) {
      assert.throws(() => parse(body, 'B'), TypeError, what);
    }
  });

  test('multipart parse: a boundary is required', () => {
    const body = enc('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--');
    for (const ct of ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=""', 'multipart/form-data; charset=B']) {
      assert.throws(() => internal.formDataParse(body, ct), TypeError, ct);
    }
  });

  test('formDataParse: other or missing content types throw TypeError', () => {
    for (const ct of [null, undefined, '', 'text/plain', 'multipart/mixed; boundary=B', 'application/json', 'form-data', 'multipart/form-data/x; boundary=B']) {
      assert.throws(() => internal.formDataParse(enc('a=b'), ct), /Content-Type|FormData/, String(ct));
    }
  });

  // --- application/x-www-form-urlencoded ---

  const URLENC = 'application/x-www-form-urlencoded';
  const urlPairs = (s, ct = URLENC) => internal.formDataEntries(internal.formDataParse(typeof s === 'string' ? enc(s) : s, ct));

  test('urlencoded parse: the URL standard cases', () => {
    const cases = [
      ['', []], ['a=b', [['a', 'b']]], ['a=b&c=d', [['a', 'b'], ['c', 'd']]], ['a', [['a', '']]], ['a=', [['a', '']]],
      ['=b', [['', 'b']]], ['&&a=1&&', [['a', '1']]], ['a=b=c', [['a', 'b=c']]], ['a+b=c+d', [['a b', 'c d']]],
      ['%41%42=%63', [['AB', 'c']]], ['%zz=%4', [['%zz', '%4']]], ['%2B=%2b', [['+', '+']]], ['%26=%3D', [['&', '=']]],
      ['%C3%A9=%E4%B8%AD', [['\u00e9', '\u4e2d']]], ['%FF=%C3', [['\ufffd', '\ufffd']]], ['%EF%BB%BFa=1', [['\ufeffa', '1']]],
      ['a=1&a=2', [['a', '1'], ['a', '2']]], ['=', [['', '']]], ['%', [['%', '']]], ['a%=b', [['a%', 'b']]],
    ];
    for (const [input, want] of cases) assert.deepEqual(urlPairs(input), want, input);
  });

  test('urlencoded parse: raw UTF-8 bytes and invalid bytes', () => {
    assert.deepEqual(urlPairs(latin1('\xc3\xa9=\xff')), [['\u00e9', '\ufffd']]);
  });

  test('urlencoded parse: content type matching', () => {
    assert.deepEqual(urlPairs('a=1', 'application/x-www-form-urlencoded;charset=UTF-8'), [['a', '1']]);
    assert.deepEqual(urlPairs('a=1', 'Application/X-WWW-Form-URLEncoded'), [['a', '1']]);
  });

  test('formDataParse returns a real FormData', () => {
    const fd = internal.formDataParse(enc('a=1'), URLENC);
    assert.ok(fd instanceof FormData);
    fd.append('b', '2');
    assert.deepEqual([...fd], [['a', '1'], ['b', '2']]);
  });
})
