package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scripts cannot reach Java, the host's files, processes or threads. Each probe must fail. */
class SandboxTest {
    @Test
    void hostIsUnreachable() throws Exception {
        try (TestNode n = TestNode.module("""
                async function probe(name, f) {
                  try {
                    const v = await f();
                    return `${name}=REACHED(${String(v).slice(0, 40)})`;
                  } catch (e) {
                    return `${name}=blocked`;
                  }
                }
                export default { async fetch() {
                  const globals = ['Java', 'Polyglot', 'Graal', 'load', 'loadWithNewGlobal', 'print', 'printErr', 'java',
                    'javax', 'Packages', 'process', 'require', 'quit', 'read', 'readbuffer', 'Worker', 'arguments']
                    .filter(g => typeof globalThis[g] !== 'undefined');
                  const results = [
                    await probe('etc-passwd', () => import('/etc/passwd')),
                    await probe('dotdot', () => import('../../../../../../etc/passwd')),
                    await probe('file-url', () => import('file:///etc/passwd')),
                    await probe('java-type', () => Java.type('java.lang.Runtime')),
                    await probe('polyglot-eval', () => Polyglot.eval('js', '1')),
                    await probe('load', () => load('/etc/passwd')),
                    await probe('constructor-escape', () => (function () {}).constructor('return Java')().type('java.lang.System')),
                    await probe('wasm-import-host', () => import('/etc/hostname.wasm')),
                  ];
                  return new Response('globals=[' + globals.join(',') + '] ' + results.join(' '));
                } };
                """)) {
            assertEquals("globals=[] etc-passwd=blocked dotdot=blocked file-url=blocked java-type=blocked "
                    + "polyglot-eval=blocked load=blocked constructor-escape=blocked wasm-import-host=blocked", n.get("/").body());
        }
    }

    @Test
    void hostOpsAreNotReachableFromUserCode() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { fetch() {
                  // Our bootstrap captured its op objects in closures; nothing host-side is left on the global.
                  const names = Object.getOwnPropertyNames(globalThis).filter(k => /ops|internal|http|timers/i.test(k));
                  return new Response(JSON.stringify(names));
                } };
                """)) {
            assertEquals("[]", n.get("/").body());
        }
    }
}
