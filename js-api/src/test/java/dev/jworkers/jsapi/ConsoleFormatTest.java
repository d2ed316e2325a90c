package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs console.js in GraalJS and checks what console calls print.
 *
 * <p>The expected strings in {@link #nodeCases()} are what Node 20 prints for the same code
 * (captured with a {@code console.Console} over a plain stream, so without colors). Errors get an
 * explicit {@code stack} so that the engines' different stack traces do not matter. In the code,
 * {@code inspect} and {@code format} are {@code internal.inspect} and {@code internal.format}
 * (Node's {@code util.inspect} and {@code util.format} when the expectations were captured).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFormatTest {

    private static final String RESOURCE = "/dev/jworkers/jsapi/js/console.js";

    /** One recorded console.write call. */
    record Line(int level, String text) {}

    /** The host side of ops.console. */
    public static final class ConsoleOps {
        final List<Line> lines = new ArrayList<>();

        @HostAccess.Export
        public void write(int level, String text) {
            lines.add(new Line(level, text));
        }
    }

    private Context context;
    private final ConsoleOps ops = new ConsoleOps();
    private Value internal;

    @BeforeAll
    void setUp() throws IOException {
        context = Context.newBuilder("js")
                .option("js.console", "false")
                .option("engine.WarnInterpreterOnly", "false")
                .allowHostAccess(HostAccess.newBuilder().allowAccessAnnotatedBy(HostAccess.Export.class).build())
                .build();
        String code;
        try (InputStream in = ConsoleFormatTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Value init = context.eval(Source.newBuilder("js", code, "console.js").build());
        assertTrue(init.canExecute(), "console.js must evaluate to a function");
        internal = context.eval("js", "({})");
        init.execute(ProxyObject.fromMap(Map.of("console", ops)), internal);
        context.getBindings("js").putMember("__internal", internal);
    }

    @AfterAll
    void tearDown() {
        context.close();
    }

    @BeforeEach
    void clear() {
        ops.lines.clear();
    }

    /** Runs a snippet with inspect/format in scope and returns the texts written. */
    private List<String> run(String code) {
        ops.lines.clear();
        context.eval("js", "(function (inspect, format) {\n" + code + "\n})(__internal.inspect, __internal.format)");
        return ops.lines.stream().map(Line::text).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeCases")
    void matchesNode(String name, String code, List<String> expected) {
        assertEquals(expected, run(code));
    }

    Stream<Arguments> nodeCases() {
        return Stream.of(
        Arguments.of("string raw at top level",
            "console.log('hello')",
            List.of(
                "hello")),
        Arguments.of("no arguments",
            "console.log()",
            List.of(
                "")),
        Arguments.of("mixed primitives",
            "console.log('a', 1, true, null, undefined, 'b')",
            List.of(
                "a 1 true null undefined b")),
        Arguments.of("nested primitives",
            "console.log(['s', \"it's\", -0, 0, 1n, Symbol('x'), Symbol(), NaN, Infinity, -1.5e-7, 1e21])",
            List.of(
                "[\n" +
                "  's',      \"it's\",\n" +
                "  -0,       0,\n" +
                "  1n,       Symbol(x),\n" +
                "  Symbol(), NaN,\n" +
                "  Infinity, -1.5e-7,\n" +
                "  1e+21\n" +
                "]")),
        Arguments.of("simple array",
            "console.log([1, 2, 3])",
            List.of(
                "[ 1, 2, 3 ]")),
        Arguments.of("empty array and object",
            "console.log([], {})",
            List.of(
                "[] {}")),
        Arguments.of("object keys quoting and symbols",
            "console.log({ a: 1, 'b-c': 2, [Symbol('x')]: 3, '1': 4, $d: 5, _e: 6, __proto__x: 7 })",
            List.of(
                "{\n" +
                "  '1': 4,\n" +
                "  a: 1,\n" +
                "  'b-c': 2,\n" +
                "  '$d': 5,\n" +
                "  _e: 6,\n" +
                "  __proto__x: 7,\n" +
                "  [Symbol(x)]: 3\n" +
                "}")),
        Arguments.of("sparse arrays",
            "console.log([1, , 3], new Array(5), [, , 1, , ,], [1, 2, , , , 6, 7, 8])",
            List.of(
                "[ 1, <1 empty item>, 3 ] [ <5 empty items> ] [ <2 empty items>, 1, <2 empty items> ] [ 1, 2, <3 empty items>, 6, 7, 8 ]")),
        Arguments.of("number grouping 30",
            "console.log(Array.from({length: 30}, (_, i) => i))",
            List.of(
                "[\n" +
                "   0,  1,  2,  3,  4,  5,  6,  7,  8,\n" +
                "   9, 10, 11, 12, 13, 14, 15, 16, 17,\n" +
                "  18, 19, 20, 21, 22, 23, 24, 25, 26,\n" +
                "  27, 28, 29\n" +
                "]")),
        Arguments.of("number grouping 120 with more items",
            "console.log(Array.from({length: 120}, (_, i) => i * 3))",
            List.of(
                "[\n" +
                "    0,   3,   6,   9,  12,  15,  18,  21,  24,  27,  30,  33,\n" +
                "   36,  39,  42,  45,  48,  51,  54,  57,  60,  63,  66,  69,\n" +
                "   72,  75,  78,  81,  84,  87,  90,  93,  96,  99, 102, 105,\n" +
                "  108, 111, 114, 117, 120, 123, 126, 129, 132, 135, 138, 141,\n" +
                "  144, 147, 150, 153, 156, 159, 162, 165, 168, 171, 174, 177,\n" +
                "  180, 183, 186, 189, 192, 195, 198, 201, 204, 207, 210, 213,\n" +
                "  216, 219, 222, 225, 228, 231, 234, 237, 240, 243, 246, 249,\n" +
                "  252, 255, 258, 261, 264, 267, 270, 273, 276, 279, 282, 285,\n" +
                "  288, 291, 294, 297,\n" +
                "  ... 20 more items\n" +
                "]")),
        Arguments.of("string grouping",
            "console.log(Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)))",
            List.of(
                "[\n" +
                "  'a',     'bb',    'ccc',   'dddd',\n" +
                "  'eeeee', 'f',     'gg',    'hhh',\n" +
                "  'iiii',  'jjjjj', 'k',     'll',\n" +
                "  'mmm',   'nnnn',  'ooooo', 'p',\n" +
                "  'qq',    'rrr',   'ssss',  'ttttt',\n" +
                "  'u',     'vv',    'www',   'xxxx',\n" +
                "  'yyyyy', 'z'\n" +
                "]")),
        Arguments.of("seven short strings on one line",
            "console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'])",
            List.of(
                "[ 'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape' ]")),
        Arguments.of("101 items",
            "console.log(Array.from({length: 101}, (_, i) => 'x'))",
            List.of(
                "[\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\n" +
                "  'x', 'x', 'x', 'x',\n" +
                "  ... 1 more item\n" +
                "]")),
        Arguments.of("depth cutoff",
            "console.log([[[[1]]]], { a: { b: { c: { d: 1 } } } })",
            List.of(
                "[ [ [ [Array] ] ] ] { a: { b: { c: [Object] } } }")),
        Arguments.of("empty at depth",
            "console.log({ a: { b: { c: {} } } }, [[[[]]]])",
            List.of(
                "{ a: { b: { c: {} } } } [ [ [ [] ] ] ]")),
        Arguments.of("circular object",
            "const o = { name: 'x' }; o.self = o; o.list = [o, { o }]; console.log(o)",
            List.of(
                "<ref *1> {\n" +
                "  name: 'x',\n" +
                "  self: [Circular *1],\n" +
                "  list: [ [Circular *1], { o: [Circular *1] } ]\n" +
                "}")),
        Arguments.of("two circular refs",
            "const a = [1]; a.push(a); const b = { a }; b.b = b; console.log([a, b])",
            List.of(
                "[\n" +
                "  <ref *1> [ 1, [Circular *1] ],\n" +
                "  <ref *2> { a: <ref *1> [ 1, [Circular *1] ], b: [Circular *2] }\n" +
                "]")),
        Arguments.of("class instances",
            "class Foo { constructor() { this.x = 1; } }; class Bar {}; console.log(new Foo(), new Bar(), [new Foo()])",
            List.of(
                "Foo { x: 1 } Bar {} [ Foo { x: 1 } ]")),
        Arguments.of("null prototype",
            "console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }))",
            List.of(
                "[Object: null prototype] {} [Object: null prototype] { a: 1 }")),
        Arguments.of("functions and classes",
            "console.log(function foo() {}, () => {}, class X {}, class extends Array {}, async function af() {}, function* g() {}, async function* ag() {}, Math.max)",
            List.of(
                "[Function: foo] [Function (anonymous)] [class X] [class (anonymous) extends Array] [AsyncFunction: af] [GeneratorFunction: g] [AsyncGeneratorFunction: ag] [Function: max]")),
        Arguments.of("function with properties",
            "function f() {}; f.x = 1; console.log(f, [f])",
            List.of(
                "[Function: f] { x: 1 } [ [Function: f] { x: 1 } ]")),
        Arguments.of("class with static and extends",
            "class S { static y = 2 }; class T extends S {}; console.log(S, T)",
            List.of(
                "[class S] { y: 2 } [class T extends S]")),
        Arguments.of("dates",
            "console.log(new Date(0), [new Date(86400000)], new Date(NaN))",
            List.of(
                "1970-01-01T00:00:00.000Z [ 1970-01-02T00:00:00.000Z ] Invalid Date")),
        Arguments.of("regexps",
            "console.log(/ab+c/gi, [/x/], new RegExp('a/b'))",
            List.of(
                "/ab+c/gi [ /x/ ] /a\\/b/")),
        Arguments.of("error with stack",
            "const e = new Error('boom'); e.stack = 'Error: boom\\n    at foo (file.js:1:2)\\n    at bar (file.js:3:4)'; console.log(e)",
            List.of(
                "Error: boom\n" +
                "    at foo (file.js:1:2)\n" +
                "    at bar (file.js:3:4)")),
        Arguments.of("error with extra property",
            "const e = new Error('x'); e.stack = 'Error: x\\n    at foo (a.js:1:1)'; e.code = 'E'; console.log(e); console.log({ e })",
            List.of(
                "Error: x\n" +
                "    at foo (a.js:1:1) {\n" +
                "  code: 'E'\n" +
                "}",
                "{\n" +
                "  e: Error: x\n" +
                "      at foo (a.js:1:1) {\n" +
                "    code: 'E'\n" +
                "  }\n" +
                "}")),
        Arguments.of("error without stack",
            "const e = new TypeError('t'); e.stack = undefined; console.log(e, [e])",
            List.of(
                "[TypeError: t] [ [TypeError: t] ]")),
        Arguments.of("error subclass keeping name Error",
            "class MyErr extends Error {}; const e = new MyErr('m'); e.stack = 'Error: m\\n    at foo (a.js:1:1)'; console.log(e)",
            List.of(
                "MyErr [Error]: m\n" +
                "    at foo (a.js:1:1)")),
        Arguments.of("error subclass named ...Error",
            "class ValidationError extends Error {}; const e = new ValidationError('m'); e.stack = 'Error: m\\n    at foo (a.js:1:1)'; console.log(e)",
            List.of(
                "ValidationError: m\n" +
                "    at foo (a.js:1:1)")),
        Arguments.of("error cause",
            "const e = new Error('x', { cause: 'y' }); e.stack = 'Error: x\\n    at foo (a.js:1:1)'; console.log(e)",
            List.of(
                "Error: x\n" +
                "    at foo (a.js:1:1) {\n" +
                "  [cause]: 'y'\n" +
                "}")),
        Arguments.of("nested error indentation",
            "const e = new Error('x'); e.stack = 'Error: x\\n    at foo (a.js:1:1)'; console.log({ deep: { deeper: { e } } })",
            List.of(
                "{\n" +
                "  deep: {\n" +
                "    deeper: {\n" +
                "      e: Error: x\n" +
                "          at foo (a.js:1:1)\n" +
                "    }\n" +
                "  }\n" +
                "}")),
        Arguments.of("aggregate error",
            "const a = new AggregateError([new Error('one')], 'agg'); a.stack = 'AggregateError: agg\\n    at z (c.js:1:1)'; a.errors[0].stack = 'Error: one\\n    at w (d.js:2:2)'; console.log(a)",
            List.of(
                "AggregateError: agg\n" +
                "    at z (c.js:1:1) {\n" +
                "  [errors]: [\n" +
                "    Error: one\n" +
                "        at w (d.js:2:2)\n" +
                "  ]\n" +
                "}")),
        Arguments.of("maps and sets",
            "console.log(new Map([['a', 1], ['b', { c: 2 }]]), new Map(), new Set([1, 2]), new Set(), new Map([[{ k: 1 }, [1, 2]]]))",
            List.of(
                "Map(2) { 'a' => 1, 'b' => { c: 2 } } Map(0) {} Set(2) { 1, 2 } Set(0) {} Map(1) { { k: 1 } => [ 1, 2 ] }")),
        Arguments.of("map subclass",
            "class MyMap extends Map {}; console.log(new MyMap([[1, 2]]))",
            List.of(
                "MyMap(1) [Map] { 1 => 2 }")),
        Arguments.of("typed arrays",
            "console.log(new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array([1n]), new Uint8Array(0), new Int16Array(200))",
            List.of(
                "Uint8Array(3) [ 1, 2, 3 ] Float64Array(2) [ 0, 0 ] BigInt64Array(1) [ 1n ] Uint8Array(0) [] Int16Array(200) [\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n" +
                "  0, 0, 0, 0,\n" +
                "  ... 100 more items\n" +
                "]")),
        Arguments.of("array buffers and data view",
            "console.log(new ArrayBuffer(2), new Uint8Array([1, 2]).buffer, new DataView(new ArrayBuffer(3)))",
            List.of(
                "ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 } ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 } DataView {\n" +
                "  byteLength: 3,\n" +
                "  byteOffset: 0,\n" +
                "  buffer: ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 }\n" +
                "}")),
        Arguments.of("large array buffer",
            "console.log(new Uint8Array(300).buffer)",
            List.of(
                "ArrayBuffer {\n" +
                "  [Uint8Contents]: <00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ... 200 more bytes>,\n" +
                "  byteLength: 300\n" +
                "}")),
        Arguments.of("pending promise",
            "console.log(new Promise(() => {}))",
            List.of(
                "Promise { <pending> }")),
        Arguments.of("weak collections",
            "console.log(new WeakMap(), new WeakSet(), new WeakRef({}))",
            List.of(
                "WeakMap { <items unknown> } WeakSet { <items unknown> } WeakRef {}")),
        Arguments.of("boxed primitives",
            "console.log(new String('x'), new Number(-0), new Boolean(false), Object(Symbol('s')), Object(3n))",
            List.of(
                "[String: 'x'] [Number: -0] [Boolean: false] [Symbol: Symbol(s)] [BigInt: 3n]")),
        Arguments.of("boxed string with property",
            "const s = new String('ab'); s.extra = 1; console.log(s)",
            List.of(
                "[String: 'ab'] { extra: 1 }")),
        Arguments.of("accessors",
            "console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} })",
            List.of(
                "{ a: [Getter], b: [Setter], c: [Getter/Setter] }")),
        Arguments.of("throwing getter is not called",
            "console.log({ get boom() { throw new Error('no'); } })",
            List.of(
                "{ boom: [Getter] }")),
        Arguments.of("toStringTag",
            "class T { get [Symbol.toStringTag]() { return 'Bar' } }; console.log(new T(), { [Symbol.toStringTag]: 'X', a: 1 })",
            List.of(
                "T [Bar] {} { a: 1, [Symbol(Symbol.toStringTag)]: 'X' }")),
        Arguments.of("null prototype with tag",
            "console.log(Object.create(null, { [Symbol.toStringTag]: { value: 'Q' } }))",
            List.of(
                "[Object: null prototype] [Q] {}")),
        Arguments.of("long string breaks object",
            "console.log({ a: 'x'.repeat(100) })",
            List.of(
                "{\n" +
                "  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n" +
                "}")),
        Arguments.of("multi-line string split",
            "console.log({ a: 'line one\\nline two\\nline three and more text to exceed the width limit of the thing' })",
            List.of(
                "{\n" +
                "  a: 'line one\\n' +\n" +
                "    'line two\\n' +\n" +
                "    'line three and more text to exceed the width limit of the thing'\n" +
                "}")),
        Arguments.of("string escaping and quotes",
            "console.log(['a\\nb', 'tab\\there', 'quote\\'s', 'both \\' and \"', 'all \\' \" `', 'back\\\\slash', '\\x00\\x1b\\x7f', 'x\\ud83dy'])",
            List.of(
                "[\n" +
                "  'a\\nb',\n" +
                "  'tab\\there',\n" +
                "  \"quote's\",\n" +
                "  `both ' and \"`,\n" +
                "  'all \\' \" `',\n" +
                "  'back\\\\slash',\n" +
                "  '\\x00\\x1B\\x7F',\n" +
                "  'x\\ud83dy'\n" +
                "]")),
        Arguments.of("object just over 72 columns",
            "console.log({ aaaaaaaaaa: 1, bbbbbbbbbb: 2, cccccccccc: 3, dddddddddd: 4, eeeeeeeeee: 5, ffffffffff: 6 })",
            List.of(
                "{\n" +
                "  aaaaaaaaaa: 1,\n" +
                "  bbbbbbbbbb: 2,\n" +
                "  cccccccccc: 3,\n" +
                "  dddddddddd: 4,\n" +
                "  eeeeeeeeee: 5,\n" +
                "  ffffffffff: 6\n" +
                "}")),
        Arguments.of("object just under 72 columns",
            "console.log({ aaaaaaaaaa: 1, bbbbbbbbbb: 2, cccccccccc: 3, dddddddddd: 4, eeeeeeeeee: 5, fffff: 6 })",
            List.of(
                "{\n" +
                "  aaaaaaaaaa: 1,\n" +
                "  bbbbbbbbbb: 2,\n" +
                "  cccccccccc: 3,\n" +
                "  dddddddddd: 4,\n" +
                "  eeeeeeeeee: 5,\n" +
                "  fffff: 6\n" +
                "}")),
        Arguments.of("nested record",
            "console.log({ user: { id: 1, name: 'Alice', roles: ['admin', 'user'], profile: { age: 30, city: 'Paris' } }, ok: true })",
            List.of(
                "{\n" +
                "  user: {\n" +
                "    id: 1,\n" +
                "    name: 'Alice',\n" +
                "    roles: [ 'admin', 'user' ],\n" +
                "    profile: { age: 30, city: 'Paris' }\n" +
                "  },\n" +
                "  ok: true\n" +
                "}")),
        Arguments.of("array of objects",
            "console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }, { a: 7, b: 8 }, { a: 9, b: 10 }, { a: 11, b: 12 }, { a: 13, b: 14 }])",
            List.of(
                "[\n" +
                "  { a: 1, b: 2 },\n" +
                "  { a: 3, b: 4 },\n" +
                "  { a: 5, b: 6 },\n" +
                "  { a: 7, b: 8 },\n" +
                "  { a: 9, b: 10 },\n" +
                "  { a: 11, b: 12 },\n" +
                "  { a: 13, b: 14 }\n" +
                "]")),
        Arguments.of("array of multi-line objects",
            "console.log(Array.from({ length: 3 }, (_, i) => ({ id: i, name: 'name' + i, tags: ['a', 'b'], nested: { x: i } })))",
            List.of(
                "[\n" +
                "  { id: 0, name: 'name0', tags: [ 'a', 'b' ], nested: { x: 0 } },\n" +
                "  { id: 1, name: 'name1', tags: [ 'a', 'b' ], nested: { x: 1 } },\n" +
                "  { id: 2, name: 'name2', tags: [ 'a', 'b' ], nested: { x: 2 } }\n" +
                "]")),
        Arguments.of("format specifiers",
            "console.log('%s|%d|%i|%f|%j|%c|%%|%x', 'a', '42', '42.5', '1.5', { a: 1 }, 'css')",
            List.of(
                "a|42|42|1.5|{\"a\":1}||%|%x")),
        Arguments.of("%s on objects",
            "console.log('%s', { a: { b: { c: 1 } } }, '%s', new Date(0), class A { toString() { return 'A!' } })",
            List.of(
                "{ a: [Object] } %s 1970-01-01T00:00:00.000Z [class A]")),
        Arguments.of("%s with symbols bigint -0",
            "console.log('%s %s %s', Symbol('s'), 5n, -0)",
            List.of(
                "Symbol(s) 5n -0")),
        Arguments.of("%d %i %f edge values",
            "console.log('%d %d %i %f', -0, 5n, 5n, Symbol())",
            List.of(
                "-0 5n 5n NaN")),
        Arguments.of("percent handling",
            "console.log('%%', '%%'); console.log('%%'); console.log('a%', 1); console.log('%s')",
            List.of(
                "% %%",
                "%%",
                "a% 1",
                "%s")),
        Arguments.of("%j",
            "console.log('%j', undefined, '%j'); const c = {}; c.c = c; console.log('%j', c)",
            List.of(
                "undefined %j",
                "[Circular]")),
        Arguments.of("%o and %O",
            "console.log('%o', [1, 2]); console.log('%O', { a: { b: { c: { d: 1 } } } })",
            List.of(
                "[ 1, 2, [length]: 2 ]",
                "{ a: { b: { c: [Object] } } }")),
        Arguments.of("%s uses user toString",
            "console.log('%s', { toString() { return 'custom' } }, { toString() { return 'raw' } })",
            List.of(
                "custom { toString: [Function: toString] }")),
        Arguments.of("missing format argument",
            "console.log('%s:%s', 'a')",
            List.of(
                "a:%s")),
        Arguments.of("non-string first argument",
            "console.log(1, '%s', 'x')",
            List.of(
                "1 %s x")),
        Arguments.of("group indentation",
            "console.group('G'); console.log('in'); console.group(); console.log({ a: 1, b: 'line\\nbreak' }); console.groupEnd(); console.groupEnd(); console.log('out')",
            List.of(
                "G",
                "  in",
                "    { a: 1, b: 'line\\nbreak' }",
                "out")),
        Arguments.of("count",
            "console.count(); console.count(); console.count('x'); console.countReset(); console.count()",
            List.of(
                "default: 1",
                "default: 2",
                "x: 1",
                "default: 1")),
        Arguments.of("dir",
            "console.dir({ a: { b: { c: { d: 1 } } } }); console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 })",
            List.of(
                "{ a: { b: { c: [Object] } } }",
                "{ a: [Object] }")),
        Arguments.of("table of objects",
            "console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }])",
            List.of(
                "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2510\n" +
                "\u2502 (index) \u2502 a   \u2502 b   \u2502\n" +
                "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2524\n" +
                "\u2502 0       \u2502 1   \u2502 'Y' \u2502\n" +
                "\u2502 1       \u2502 'Z' \u2502 2   \u2502\n" +
                "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2518")),
        Arguments.of("table with primitives",
            "console.table([1, 'two', { a: 3 }])",
            List.of(
                "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
                "\u2502 (index) \u2502 a \u2502 Values \u2502\n" +
                "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
                "\u2502 0       \u2502   \u2502 1      \u2502\n" +
                "\u2502 1       \u2502   \u2502 'two'  \u2502\n" +
                "\u2502 2       \u2502 3 \u2502        \u2502\n" +
                "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518")),
        Arguments.of("table of map",
            "console.table(new Map([['k', { v: 1 }]]))",
            List.of(
                "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
                "\u2502 (iteration index) \u2502 Key \u2502 Values   \u2502\n" +
                "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
                "\u2502 0                 \u2502 'k' \u2502 { v: 1 } \u2502\n" +
                "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518")),
        Arguments.of("table of non-object",
            "console.table(5)",
            List.of(
                "5")),
        Arguments.of("arguments object",
            "(function () { console.log(arguments) })(1, 'a')",
            List.of(
                "[Arguments] { '0': 1, '1': 'a' }")),
        Arguments.of("custom inspect",
            "const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM' } }; console.log(o, [o], { o })",
            List.of(
                "CUSTOM [ CUSTOM ] { o: CUSTOM }")),
        Arguments.of("custom inspect depth",
            "const o = { [Symbol.for('nodejs.util.inspect.custom')](depth, opts) { return { depth, d: opts.depth } } }; console.log({ x: o })",
            List.of(
                "{ x: { depth: 1, d: 2 } }")),
        Arguments.of("array extra keys",
            "const a = [1, 2, 3]; a.extra = 'e'; console.log(a)",
            List.of(
                "[ 1, 2, 3, extra: 'e' ]")),
        Arguments.of("proxy of object and array",
            "console.log(new Proxy({ a: 1 }, {}), new Proxy([1, 2], {}))",
            List.of(
                "{ a: 1 } [ 1, 2 ]")),
        Arguments.of("map with itself",
            "const m = new Map(); m.set(m, m); console.log(m)",
            List.of(
                "<ref *1> Map(1) { [Circular *1] => [Circular *1] }")),
        Arguments.of("set nesting depth",
            "console.log(new Set([new Set([new Set([new Set([1])])])]))",
            List.of(
                "Set(1) { Set(1) { Set(1) { [Set] } } }")),
        Arguments.of("map and set with properties",
            "const m = new Map([['a', 1]]); m.x = 2; const s = new Set([1]); s.y = 'z'; console.log(m, s)",
            List.of(
                "Map(1) { 'a' => 1, x: 2 } Set(1) { 1, y: 'z' }")),
        Arguments.of("non-enumerable properties hidden",
            "console.log(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), Object.defineProperty({ v: 1 }, 'hidden', { value: 1 }))",
            List.of(
                "{} { v: 1 }")),
        Arguments.of("inspect options",
            "console.log(inspect({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 }), inspect({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null }))",
            List.of(
                "{ a: [Object] } {\n" +
                "  a: {\n" +
                "    b: { c: { d: { e: 1 } } }\n" +
                "  }\n" +
                "}")),
        Arguments.of("inspect compact and breakLength",
            "console.log(inspect({ a: 1, b: [1, 2] }, { compact: false })); console.log(inspect({ a: 1, b: 2, c: 3 }, { breakLength: 10 }))",
            List.of(
                "{\n" +
                "  a: 1,\n" +
                "  b: [\n" +
                "    1,\n" +
                "    2\n" +
                "  ]\n" +
                "}",
                "{\n" +
                "  a: 1,\n" +
                "  b: 2,\n" +
                "  c: 3\n" +
                "}")),
        Arguments.of("inspect nested string quoting",
            "console.log(inspect('str'), inspect([1, 'a']), inspect(\"it's\"))",
            List.of(
                "'str' [ 1, 'a' ] \"it's\"")),
        Arguments.of("format helper",
            "console.log(format(['%s=%d', 'a', 1, 'extra']))",
            List.of(
                "a=1 extra")),
        Arguments.of("prototype chain without constructor",
            "console.log(Object.create(Object.create(null)))",
            List.of(
                "Object <[Object: null prototype] {}> {}")),
        Arguments.of("built-in prototypes",
            "console.log(Object.prototype, Array.prototype, Function.prototype)",
            List.of(
                "[Object: null prototype] {} Object(0) [] [Function (anonymous)] Object")),
        Arguments.of("private fields hidden",
            "class P { #priv = 1; pub = 2 }; console.log(new P())",
            List.of(
                "P { pub: 2 }"))
        );
    }

    @Test
    void levels() {
        run("console.debug('d'); console.log('l'); console.info('i'); console.warn('w'); console.error('e');"
                + " console.trace('t'); console.assert(false, 'a'); console.dirxml('x');");
        assertEquals(List.of(0, 1, 1, 2, 3, 3, 3, 1), ops.lines.stream().map(Line::level).toList());
    }

    @Test
    void consoleIsANonEnumerableGlobalAndMethodsWorkDetached() {
        List<String> out = run("""
                const d = Object.getOwnPropertyDescriptor(globalThis, 'console');
                const { log, warn, count } = console;
                log('detached', { a: 1 });
                warn.call(undefined, 'w');
                count('detached'); count('detached');
                console.log(d.enumerable, d.writable, d.configurable, Object.keys(globalThis).includes('console'));
                """);
        assertEquals(List.of("detached { a: 1 }", "w", "detached: 1", "detached: 2", "false true true false"), out);
    }

    @Test
    void stringFastPath() {
        assertEquals(List.of("100% %s %d"), run("console.log('100% %s %d')"));
        assertEquals(List.of("multi\nline"), run("console.log('multi\\nline')"));
    }

    @Test
    void traceAndAssert() {
        List<String> out = run("""
                function where() { console.trace('here %d', 5); }
                where();
                console.trace();
                console.assert(true, 'not printed');
                console.assert(0);
                console.assert(false, 'failed %s', 'x');
                console.assert(null, { a: 1 });
                """);
        assertEquals(5, out.size());
        assertTrue(out.get(0).startsWith("Trace: here 5\n    at where ("), out.get(0));
        assertFalse(out.get(0).contains("console.js"), "trace must not show its own frame: " + out.get(0));
        assertTrue(out.get(1).startsWith("Trace\n    at "), out.get(1));
        assertEquals(List.of("Assertion failed", "Assertion failed: failed x", "Assertion failed { a: 1 }"),
                out.subList(2, 5));
    }

    @Test
    void timers() {
        List<String> out = run("""
                console.time(); console.timeLog(undefined, 'extra', { a: 1 }); console.timeEnd();
                console.timeEnd('nope'); console.time('t'); console.time('t'); console.timeEnd('t');
                console.countReset('nothing');
                """);
        assertEquals(6, out.size(), out.toString());
        assertTrue(out.get(0).matches("default: \\d+(\\.\\d+)?ms extra \\{ a: 1 \\}"), out.get(0));
        assertTrue(out.get(1).matches("default: \\d+(\\.\\d+)?ms"), out.get(1));
        assertEquals("Warning: No such label 'nope' for console.timeEnd()", out.get(2));
        assertEquals("Warning: Label 't' already exists for console.time()", out.get(3));
        assertTrue(out.get(4).matches("t: \\d+(\\.\\d+)?ms"), out.get(4));
        assertEquals("Warning: Count for 'nothing' does not exist", out.get(5));
        assertEquals(2, ops.lines.get(5).level());
    }

    @Test
    void groupsIndentEveryLineAndExtraGroupEndIsHarmless() {
        List<String> out = run("""
                console.group('outer');
                console.groupCollapsed('inner');
                console.error(new Map([['k', 'x'.repeat(80)]]));
                console.groupEnd(); console.groupEnd(); console.groupEnd();
                console.log('back');
                """);
        assertEquals(List.of("outer", "  inner",
                "    Map(1) {\n      'k' => 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n    }",
                "back"), out);
    }

    @Test
    void proxiesWithThrowingTrapsDoNotBreakLogging() {
        List<String> out = run("""
                const p = new Proxy({}, { ownKeys() { throw new Error('trap!'); } });
                console.log('proxy:', p, { p });
                const r = Proxy.revocable({}, {}); r.revoke();
                console.log([r.proxy].length, typeof inspect(r.proxy));
                console.log('after');
                """);
        assertEquals(List.of("proxy: <Inspection threw (trap!)> { p: <Inspection threw (trap!)> }", "1 string", "after"),
                out);
    }

    @Test
    void throwingUserCodeIsContained() {
        List<String> out = run("""
                console.log({ [Symbol.for('nodejs.util.inspect.custom')]() { throw new TypeError('custom boom'); } });
                console.log({ get [Symbol.toStringTag]() { throw new Error('tag'); } });
                class T { get [Symbol.toStringTag]() { throw new Error('tag'); } }
                console.log(new T());
                console.log('%s', { toString() { throw new Error('ts'); } });
                console.log('%j', { toJSON() { throw new Error('tj'); } });
                console.log(inspect({ get t() { throw new Error('bad'); } }, { getters: true }));
                """);
        assertEquals(List.of(
                "<Inspection threw (custom boom)>",
                "{ [Symbol(Symbol.toStringTag)]: [Getter] }",
                "T {}",
                "<Inspection threw (ts)>",
                "<Inspection threw (tj)>",
                "{ t: [Getter: <Inspection threw (bad)>] }"), out);
    }

    @Test
    void overDeepStructuresStopInsteadOfThrowing() {
        List<String> out = run("""
                let deep = {}; const root = deep;
                for (let i = 0; i < 100000; i++) deep = deep.next = {};
                const s = inspect(root, { depth: Infinity });
                console.log(s.includes('[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]'));
                """);
        assertEquals(List.of("true"), out);
    }

    @Test
    void promisesUseTheOptionalHostHook() {
        List<String> out = run("""
                console.log(Promise.resolve(1), new Promise(() => {}));
                __internal.promiseDetails = (p) => p.__state;
                const ok = Promise.resolve(1); ok.__state = { state: 'fulfilled', value: { a: 1 } };
                const bad = Promise.reject(2); bad.catch(() => {}); bad.__state = { state: 'rejected', value: 2 };
                const pending = new Promise(() => {}); pending.__state = { state: 'pending' };
                console.log(ok, bad, pending);
                delete __internal.promiseDetails;
                """);
        assertEquals(List.of("Promise { <pending> } Promise { <pending> }",
                "Promise { { a: 1 }, __state: { state: 'fulfilled', value: { a: 1 } } } "
                        + "Promise { <rejected> 2, __state: { state: 'rejected', value: 2 } } "
                        + "Promise { <pending>, __state: { state: 'pending' } }"),
                out);
    }

    @Test
    void largeArraysStayCheap() {
        List<String> out = run("""
                const big = new Uint8Array(4 * 1024 * 1024);
                const sparse = []; sparse[1e9] = 1;
                console.log(inspect(big).split('\\n').pop(), inspect(sparse));
                """);
        assertEquals(List.of("] [ <1000000000 empty items>, 1 ]"), out);
    }
}
