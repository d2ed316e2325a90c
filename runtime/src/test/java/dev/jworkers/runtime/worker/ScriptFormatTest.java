package dev.jworkers.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptFormatTest {
    private static void modules(String src) { assertEquals(ScriptFormat.MODULES, ScriptFormat.detect(src), src); }
    private static void serviceWorker(String src) { assertEquals(ScriptFormat.SERVICE_WORKER, ScriptFormat.detect(src), src); }

    @Test
    void moduleSyntax() {
        modules("export default { fetch() {} }");
        modules("import x from './x.js';\naddEventListener('fetch', () => {})");
        modules("// header\n/* c */ export { a };");
        modules("const a = 1; export const b = 2;");
        modules("import './side-effect.js'");
    }

    @Test
    void serviceWorkerSyntax() {
        serviceWorker("addEventListener('fetch', e => e.respondWith(new Response('x')))");
        serviceWorker("// export default {}\naddEventListener('fetch', f)");
        serviceWorker("/* import x from 'y' */ addEventListener('fetch', f)");
        serviceWorker("const s = 'export default 1'; addEventListener('fetch', f)");
        serviceWorker("const t = `import ${x} from`; addEventListener('fetch', f)");
        serviceWorker("const m = import('./dyn.js'); addEventListener('fetch', f)");
        serviceWorker("if (import.meta) {}");
        serviceWorker("obj.export = 1; obj.import = 2;");
    }
}
